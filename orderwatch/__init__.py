"""orderwatch: a personal agent that watches a buyer's mailbox and fights for unfinished orders."""

__version__ = "0.1.0"
