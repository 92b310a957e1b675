"""Entry point of the identifier lookup gear."""
from flywheel_gear_toolkit import GearToolkitContext


def main():
    with GearToolkitContext() as context:
        path = context.get_input_path("input_file")
        print(path, context.config.get("dry_run", False))


if __name__ == "__main__":
    main()
