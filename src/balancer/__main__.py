"""``python -m balancer`` runs the CLI."""

from balancer.cli import main

main()
