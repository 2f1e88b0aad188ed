"""The wording of every text orderwatch writes (drafts, export pages, the starter config).

A package only so that an installed wheel carries it: `orderwatch.render` finds it through
importlib.resources. The Jinja2 files are the content; there is no code here.
"""
