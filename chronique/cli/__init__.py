"""The command line: ``chronique`` and the invoke tasks call the functions of ``commands``."""
