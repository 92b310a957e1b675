"""Entry point."""
from flywheel_gear_toolkit import GearToolkitContext


def main():
    with GearToolkitContext() as context:
        print(context.config.get("dry_run", False))


if __name__ == "__main__":
    main()
