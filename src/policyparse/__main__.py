"""``python -m policyparse`` runs the command line."""

from policyparse.cli import main

main()
