"""Prefect flows: the only package that imports prefect. Thin by rule: each task calls one
function of `orderwatch.cycle` (the same ones `orderwatch run-once` calls) with plain data (a
config path, an account name, an ISO instant), never a connection, a URL or a secret.
"""
