"""Node's ``stream`` module (work in progress: see the package's modules)."""
