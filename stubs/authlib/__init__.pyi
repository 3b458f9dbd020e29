# Typed stubs for exactly the parts of authlib that asana_typed uses (authlib ships none).
__version__: str
