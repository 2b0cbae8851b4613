"""Emulation movements (phong trào thi đua): create, edit, delete, list, and a movement's page."""
