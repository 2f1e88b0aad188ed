"""`python -m orderwatch` runs the same CLI as the console script."""

from orderwatch.cli import main

main()
