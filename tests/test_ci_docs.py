"""docs/ci.md works as written: every shell command in its examples runs, and its GitHub Actions
workflow, GitLab CI job and pre-commit config run against mtkit's own action.yml,
ci/gitlab-mtkit.yml and .pre-commit-hooks.yaml, in a throwaway git repository with English and
Arabic files, with mtkit installed from a snapshot of this repository (no release, no tag).

GitHub's and GitLab's runners are emulated only as far as the examples need: `${{ inputs.* }}`,
`${{ steps.*.outputs.* }}` and `${{ github.action_path }}`, step env, GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY files; `extends`, `include: remote` and variables. pre-commit is the real one.
The slow test installs packages (pip's cache allowed); the fast tests check what needs no install."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from mtkit.gate.config import load_file

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "ci.md"
CORPUS = ROOT / "corpora" / "musk-trump"

# The docs' stand-ins for wherever mtkit's repository lives.
GIT_URL = "https://github.com/<owner>/mtkit"
RAW_URL = "https://raw.githubusercontent.com/<owner>/mtkit/main/"
ACTION = "<owner>/mtkit@main"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


@dataclass
class Block:
    lang: str
    text: str
    file: str | None         # "`NAME`:" on the line before the fence: the block is that file


def blocks(markdown: str) -> list[Block]:
    out, lines, i = [], markdown.splitlines(), 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        before = next((line for line in reversed(lines[:i]) if line.strip()), "")
        label = re.match(r"^`([^`\s]+)`:$", before.strip())
        end = lines.index("```", i + 1)
        out.append(Block(fence.group(1), "\n".join(lines[i + 1:end]) + "\n", label.group(1) if label else None))
        i = end + 1
    return out


DOC_BLOCKS = blocks(DOC.read_text(encoding="utf-8"))


def doc_file(name: str) -> str:
    return next(b.text for b in DOC_BLOCKS if b.file == name)


def commands() -> list[str]:
    """Every command of the docs' ``sh`` blocks, in order (comments and blank lines dropped)."""
    found = []
    for block in DOC_BLOCKS:
        if block.lang == "sh":
            for line in block.text.splitlines():
                line = re.sub(r"\s+#\s.*$", "", line).strip()
                if line and not line.startswith("#"):
                    found.append(line)
    return found


# ---- fast checks: no install needed ----------------------------------------------------------

def test_every_toml_example_is_a_valid_gate_config(tmp_path):
    tomls = [b for b in DOC_BLOCKS if b.lang == "toml"]
    assert len(tomls) >= 2
    for k, block in enumerate(tomls):
        path = tmp_path / f"rules{k}.toml"
        path.write_text(block.text, encoding="utf-8")
        config = load_file(str(path))        # an unknown key or bad value raises InputError
        assert config is not None


def test_every_yaml_example_parses():
    yamls = [b for b in DOC_BLOCKS if b.lang == "yaml"]
    assert {b.file for b in yamls} >= {".github/workflows/translation-gate.yml", ".gitlab-ci.yml",
                                       ".pre-commit-config.yaml"}
    for block in yamls:
        assert isinstance(yaml.safe_load(block.text), dict), block.file
    for name in ("action.yml", "ci/gitlab-mtkit.yml", ".pre-commit-hooks.yaml"):
        assert yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    template = yaml.safe_load((ROOT / "ci" / "gitlab-mtkit.yml").read_text(encoding="utf-8"))
    assert all(isinstance(line, str) for line in template[".mtkit-gate"]["script"])   # GitLab's rule
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert all(isinstance(step["run"], str) for step in action["runs"]["steps"])


def test_installs_come_from_the_repository():
    text = DOC.read_text(encoding="utf-8")
    assert "v0.1.0" not in text
    assert not re.search(r"pip install (--\S+ )*mtkit\b(?! @)", text), "an install from the package index"
    for name in ("action.yml", "ci/gitlab-mtkit.yml"):
        assert "pip install" in (ROOT / name).read_text(encoding="utf-8")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert any('"$GITHUB_ACTION_PATH"' in step.get("run", "") for step in action["runs"]["steps"])


def test_action_inputs_and_outputs_are_documented():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    text = DOC.read_text(encoding="utf-8")
    for name in [*action["inputs"], *action["outputs"]]:
        assert re.search(rf"^\| `{name}`", text, re.MULTILINE), f"action {name!r} is not in docs/ci.md"
    template = yaml.safe_load((ROOT / "ci" / "gitlab-mtkit.yml").read_text(encoding="utf-8"))
    for name in template[".mtkit-gate"]["variables"]:
        assert f"`{name}`" in text, f"GitLab variable {name} is not in docs/ci.md"
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} <= set(re.findall(r"id: (\S+)", text)) | {h["id"] for h in hooks if f"`{h['id']}`" in text}


# ---- the examples, run ------------------------------------------------------------------------

def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org"))


def snapshot(dest: Path) -> Path:
    """This working tree (tracked and new files, as git sees them) as a fresh repository on ``main``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return dest


def documentation_repo(dest: Path, mtkit_repo: Path) -> Path:
    """The layout docs/ci.md describes, plus every file the docs show ("`NAME`:" blocks)."""
    import mtkit
    en, ar = CORPUS.with_suffix(".en.txt"), CORPUS.with_suffix(".ar.txt")
    for lang, source in (("en", en), ("ar", ar)):
        (dest / "docs" / lang / "news").mkdir(parents=True)
        shutil.copy(source, dest / "docs" / lang / "news" / "musk-trump.txt")
        shutil.copy(source, dest / f"article.{lang}.txt")
    shutil.copy(ar, dest / "article.ref.ar.txt")
    previous = [" ".join(line.split()[:-1]) for line in ar.read_text(encoding="utf-8").splitlines()]
    (dest / "article.prev.ar.txt").write_text("\n".join(previous) + "\n", encoding="utf-8")
    alignment = mtkit.align(str(en), str(ar))
    with open(dest / "segments.jsonl", "w", encoding="utf-8") as out:
        for k, bead in enumerate(alignment.beads[:8], 1):
            pair = {"id": f"s{k}", "en": " ".join(alignment.src_units[i] for i in bead.src),
                    "ar": " ".join(alignment.tgt_units[j] for j in bead.tgt)}
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")
    for block in DOC_BLOCKS:
        if block.file:
            (dest / block.file).parent.mkdir(parents=True, exist_ok=True)
            (dest / block.file).write_text(localize(block.text, mtkit_repo), encoding="utf-8")
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "docs")
    return dest


def _base_python() -> str:
    return getattr(sys, "_base_executable", sys.executable)


@pytest.fixture(scope="module")
def ci(tmp_path_factory):
    """The mtkit snapshot, the documentation repository, and a runner: a fresh venv that stands
    for the CI machine's Python (the action makes its environment at the same place)."""
    base = tmp_path_factory.mktemp("ci")
    (base / "mtkit").mkdir()
    (base / "work").mkdir()
    mtkit_repo = snapshot(base / "mtkit")
    work = documentation_repo(base / "work", mtkit_repo)
    runner = base / "runner"
    venv.create(runner / "mtkit-venv", with_pip=True)
    system = base / "system-bin"            # the runner's own python3, as setup-python leaves it
    system.mkdir()
    (system / "python3").symlink_to(_base_python())
    tools = base / "tools"                  # pre-commit, from the test environment
    tools.mkdir()
    found = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    (tools / "pre-commit").symlink_to(found)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PRE_COMMIT_HOME=str(base / "pre-commit-home"),
               PATH=os.pathsep.join([str(runner / "mtkit-venv" / "bin"), str(tools), env["PATH"]]))
    return {"mtkit": mtkit_repo, "work": work, "runner": runner, "system": system, "env": env, "base": base}


def localize(text: str, mtkit_repo: Path) -> str:
    """The docs' stand-in URLs → the local snapshot."""
    # file://localhost/…: pip before 23.3 rejects a PEP 508 URL with an empty host (file:///…)
    return text.replace(RAW_URL, f"{mtkit_repo}/").replace(GIT_URL, f"file://localhost{mtkit_repo}")


def bash(script: str, cwd: Path, env: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)


def substitute(text: str, values: dict[str, str], missing: str | None = None) -> str:
    """``${{ KEY }}`` → its value; an unknown key fails the test (or becomes ``missing``, as an
    output of a step that did not run)."""
    def one(match: re.Match) -> str:
        key = match.group(1)
        if key in values:
            return values[key]
        if missing is None:
            raise AssertionError(f"the emulated runner does not know ${{{{ {key} }}}}")
        return missing
    return EXPRESSION.sub(one, text)


def run_github_action(ci, inputs: dict[str, str], log: list[str]) -> tuple[int, dict[str, str], str]:
    """The composite action's steps, as GitHub runs them: exit status, outputs, summary text."""
    action = yaml.safe_load((ci["mtkit"] / "action.yml").read_text(encoding="utf-8"))
    values = {f"inputs.{k}": str(spec.get("default", "")) for k, spec in action["inputs"].items()}
    values.update({f"inputs.{k}": str(v) for k, v in inputs.items()})
    values["github.action_path"] = str(ci["mtkit"])
    summary = ci["base"] / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    env = dict(ci["env"], RUNNER_TEMP=str(ci["runner"]), GITHUB_ACTION_PATH=str(ci["mtkit"]),
               GITHUB_WORKSPACE=str(ci["work"]), GITHUB_STEP_SUMMARY=str(summary))
    env["PATH"] = os.pathsep.join([str(ci["system"]), ci["env"]["PATH"]])
    status = 0
    for k, step in enumerate(action["runs"]["steps"]):
        output = ci["base"] / f"github-output-{k}"
        output.write_text("", encoding="utf-8")
        step_env = dict(env, GITHUB_OUTPUT=str(output))
        step_env.update({name: substitute(str(v), values) for name, v in step.get("env", {}).items()})
        result = bash(substitute(step["run"], values), ci["work"], step_env)
        log.append(f"$ action step {step.get('name')}\n{result.stdout}{result.stderr}")
        for line in output.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            values[f"steps.{step.get('id', k)}.outputs.{key}"] = value
        if result.returncode:
            status = result.returncode
            break
    outputs = {name: substitute(spec["value"], values, missing="") for name, spec in action["outputs"].items()}
    return status, outputs, summary.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_every_example_in_docs_ci_runs(ci):
    log: list[str] = []

    def show() -> str:
        return "\n".join(log)[-6000:]

    # 1. every shell command, in order (the first installs mtkit from the repository)
    for command in commands():
        result = bash(localize(command, ci["mtkit"]), ci["work"], ci["env"])
        log.append(f"$ {command}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        # only a gate (or the hook that runs it) may exit 1: its rules failed
        allowed = (0, 1) if command.startswith(("mtkit gate", "pre-commit run")) else (0,)
        assert result.returncode in allowed, f"`{command}` exited {result.returncode}:\n{show()}"
        if command.split()[0] == "mtkit" and "--version" not in command:
            assert "Traceback" not in result.stderr
    assert "bin/mtkit" in shutil.which("mtkit", path=ci["env"]["PATH"]) and (ci["work"] / "audit.json").is_file()
    gated_json = json.loads((ci["work"] / "verdict.json").read_text(encoding="utf-8"))
    assert gated_json["tool"] == "mtkit" and gated_json["rules"]

    # 2. the GitHub Actions workflow, with mtkit's action.yml
    workflow = yaml.safe_load(doc_file(".github/workflows/translation-gate.yml"))
    steps = workflow["jobs"]["gate"]["steps"]
    values: dict[str, str] = {}
    gate_status = None
    for step in steps:
        uses = step.get("uses", "")
        if uses == ACTION:
            gate_status, outputs, summary = run_github_action(ci, step.get("with", {}), log)
            values.update({f"steps.{step['id']}.outputs.{k}": v for k, v in outputs.items()})
            assert gate_status in (0, 1), f"the action exited {gate_status}:\n{show()}"
            assert outputs["verdict"] == ("pass" if gate_status == 0 else "fail")
            assert "mtkit gate" in summary and "| rule |" in summary, summary
            assert Path(outputs["junit"]).is_file()
            assert "::warning " in show() or "::error " in show(), "no annotations"
        elif uses.startswith("actions/upload-artifact"):
            path = substitute(str(step["with"]["path"]), values)
            assert Path(path).is_file(), f"the artifact step names a missing file: {path}"
        elif uses:
            assert uses.startswith(("actions/checkout", "actions/setup-python")), uses
        else:
            result = bash(substitute(step["run"], values), ci["work"], ci["env"])
            log.append(f"$ {step['run']}\n{result.stdout}{result.stderr}")
            assert result.returncode == 0, show()
            assert result.stdout.strip().endswith(("pass", "fail")), result.stdout
    assert gate_status is not None, f"the workflow does not use {ACTION}"

    # 3. the GitLab CI job, extending mtkit's template
    pipeline = yaml.safe_load(localize(doc_file(".gitlab-ci.yml"), ci["mtkit"]))
    remote = pipeline["include"][0]["remote"]
    template = yaml.safe_load(Path(remote).read_text(encoding="utf-8"))
    job = pipeline["translation-gate"]
    base_job = template[job["extends"]]
    variables = {**base_job["variables"], **job.get("variables", {})}
    script = "\n".join(base_job["script"])
    result = bash(script, ci["work"], dict(ci["env"], **{k: str(v) for k, v in variables.items()}))
    log.append(f"$ gitlab job\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    assert result.returncode in (0, 1), show()
    assert result.returncode == gate_status           # the same verdict as the action's
    reports = base_job["artifacts"]
    for path in [*reports["paths"], reports["reports"]["junit"]]:
        assert (ci["work"] / path).is_file(), f"GitLab artifact {path} missing:\n{show()}"
