from tests.conftest import ScriptedAsana


def test_me(api: ScriptedAsana) -> None:
    api.data({"gid": "1", "name": "Ann"})
    me = api.client().users.me()
    assert me.name == "Ann"
    assert str(api.last.url) == "https://app.asana.com/api/1.0/users/me"
