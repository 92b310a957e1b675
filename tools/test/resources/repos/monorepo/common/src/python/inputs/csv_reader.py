"""Helpers the gears read their inputs with."""


def read_input_file(context, name):
    """The path of the named input file, or None when it is not given."""
    return context.get_input_path(name)
