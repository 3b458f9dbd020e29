class ClientAuth:
    """Signs a token-endpoint request with the client's credentials."""

    client_id: str | None
    client_secret: str | None
    def prepare(
        self, method: str, uri: str, headers: dict[str, str], body: str
    ) -> tuple[str, dict[str, str], str]: ...
