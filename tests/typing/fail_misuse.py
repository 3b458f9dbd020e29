"""Misuses mypy must reject; ``tests/test_typing.py`` checks each marked line fails.

Each line ending in ``# E: <code>`` must get a mypy error with that code, and no
other line may get one. This file is excluded from the main mypy run.
"""

import asana_typed as asana

client = asana.Client.access_token("PAT")

asana.Client.DEFAULTS["page_sise"] = 100  # E: typeddict-unknown-key
client.options["max_retires"] = 3  # E: typeddict-unknown-key
client.options["page_size"] = "100"  # E: typeddict-item
client.tasks.find_all({"project": "1"}, item_limt=10)  # E: call-overload
client.tasks.find_all({"projct": "1"})  # E: call-overload
client.tasks.find_all({"project": 1})  # E: call-overload
client.tasks.update("1", {"completed": "yes"})  # E: call-overload
client.tasks.create_task({"resource_subtype": "milestones"})  # E: call-overload
client.projects.create_in_workspace("1", {"nmae": "x"})  # E: call-overload
client.users.me(page_size="10")  # E: call-overload
client.tasks.get_task(123)  # E: call-overload
client.tasks.find_by_project("1", iterator_type="pages")  # E: call-overload
client.workspaces.find_all(full_payload=True, iterator_type=None, fields=str)  # E: call-overload
me = client.users.me()
me.nmae  # E: attr-defined
task = client.tasks.get_task("1")
task.completed = "yes"  # E: assignment
n: int = task.name  # E: assignment
client.users.get_favorites_for_user("me")  # E: call-overload
client.users.get_favorites_for_user("me", {"resource_type": "task"})  # E: call-overload
client.tags.create_tag({"name": 5})  # E: call-overload
client.sections.delete_section("1", fields=["name"])  # E: call-arg
client.events.get_next({"resorce": "1"})  # E: typeddict-unknown-key
client.attachments.create_on_task("1", "not bytes", "a.txt")  # E: arg-type
s = client.stories.get_story("1")
s.text = 5  # E: assignment
oauth = asana.Client.oauth(client_id="c", client_secret="s", redirect_uri="https://a.example/cb")
oauth.session.fetch_token(code=123)  # E: arg-type
oauth.session.authorization_url(state=1)  # E: arg-type
token = oauth.session.fetch_token(code="c")
token["acess_token"]  # E: typeddict-item
asana.Client.oauth(client_id="c", client_secret="s")  # E: call-arg
