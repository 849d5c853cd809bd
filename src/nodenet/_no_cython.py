"""Stands in for the ``cython`` module where Cython is not installed: nothing is compiled."""

compiled = False
