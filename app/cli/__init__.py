"""The command line: `sovang` opens the GUI; subcommands run the same services headless."""
