"""The `plenipo` command line: one module per subcommand, all headless but `play`."""
