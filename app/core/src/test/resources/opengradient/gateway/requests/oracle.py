"""Canonical request JSON as tee-gateway itself builds it, for Proofdesk's tests. Run in a folder holding
tee_gateway/ (git archive of OpenGradient/tee-gateway cb95a5c), server_0047db0.py and server_7d9ddba.py (server.py
at those commits)."""
import sys, types, json, ast, textwrap
from typing import Optional, List, Dict, Any
from pydantic import BaseModel

# the current gateway: its own _parse_chat_request/_chat_request_to_dict, with the LLM and web modules stubbed out
for name in ["connexion", "flask", "langchain_core", "langchain_core.messages", "tee_gateway.tee_manager",
             "tee_gateway.llm_backend"]:
    sys.modules[name] = types.ModuleType(name)
sys.modules["flask"].Response = object
for n in ["AIMessage", "SystemMessage", "HumanMessage"]:
    setattr(sys.modules["langchain_core.messages"], n, object)
for n in ["get_tee_keys", "compute_tee_msg_hash"]:
    setattr(sys.modules["tee_gateway.tee_manager"], n, None)
for n in ["get_provider_from_model", "get_chat_model_cached", "convert_messages", "extract_usage"]:
    setattr(sys.modules["tee_gateway.llm_backend"], n, None)
from tee_gateway.controllers import chat_controller
from tee_gateway.models.create_completion_request import CreateCompletionRequest
completions = open("tee_gateway/controllers/completions_controller.py").read()
start = completions.index("        request_dict = {")
end = completions.index("        request_bytes = json.dumps")
completion_dict = compile(textwrap.dedent(completions[start:end]), "completions_controller.py", "exec")

# the Dec 2025 gateway: server.py's pydantic request models, as of 0047db0 (Dec 16) and 7d9ddba (Dec 29, where
# max_tokens became Optional[int] = None)
def models(file):
    src = open(file).read()
    ns = {"BaseModel": BaseModel, "Optional": Optional, "List": List, "Dict": Dict, "Any": Any}
    exec("\n".join(ast.get_source_segment(src, n) for n in ast.parse(src).body
                   if isinstance(n, ast.ClassDef) and n.name in {"Message", "Tool", "CompletionRequest", "ChatRequest"}),
         ns)
    return ns
legacy = models("server_0047db0.py")
late = models("server_7d9ddba.py")

out = {}
for path in sys.argv[1:]:
    body = json.load(open(path, encoding="utf-8"))
    name = path.split("/")[-1]
    if name.startswith("current-chat"):
        d = chat_controller._chat_request_to_dict(chat_controller._parse_chat_request(body))
    elif name.startswith("current-completion"):
        scope = {"body": CreateCompletionRequest.from_dict(body)}
        exec(completion_dict, scope)
        d = scope["request_dict"]
    elif name.startswith("legacy-late-completion"):
        d = late["CompletionRequest"](**body).model_dump()
    elif name.startswith("legacy-late"):
        d = late["ChatRequest"](**body).model_dump()
    elif name.startswith("legacy-completion"):
        d = legacy["CompletionRequest"](**body).model_dump()
    else:
        d = legacy["ChatRequest"](**body).model_dump()
    out[name] = json.dumps(d, sort_keys=True)
print(json.dumps(out, indent=2))
