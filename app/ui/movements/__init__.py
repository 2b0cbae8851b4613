"""Emulation movements (phong trào thi đua): the page and the movement dialog."""
