"""Entry point of the form QC gear."""
from flywheel_gear_toolkit import GearToolkitContext


def main():
    with GearToolkitContext() as context:
        print(context.get_input_path("input_file"))


if __name__ == "__main__":
    main()
