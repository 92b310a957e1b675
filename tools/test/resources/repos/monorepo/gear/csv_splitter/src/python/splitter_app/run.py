"""Entry point of the CSV splitter gear."""
from flywheel_gear_toolkit import GearToolkitContext
from inputs.csv_reader import read_input_file


def main():
    with GearToolkitContext() as context:
        context.init_logging()
        input_path = read_input_file(context, "input_file")
        delimiter = context.config.get("delimiter", ",")
        dry_run = context.config.get("dry_run", False)
        print(input_path, delimiter, dry_run)


if __name__ == "__main__":
    main()
