"""Ray Data driver of dispatches' `--engine ray` (pipeline/ray/engine.ts starts it; nothing else should).

The Node CLI stays the process that runs the corpus-wide steps; it hands this driver the per-article tasks of
one stage at a time (prepare: read, decode, clean, summarise; annotate: annotate and check), and this driver
runs them as `map_batches` over a pool of Ray actors, each holding one long-lived Node process
(pipeline/ray/actor.ts) that calls the project's own `runTask`, the code the local worker threads run.

Protocol, one line per message (standard output carries nothing else; Ray's own output goes to stderr):
  driver -> CLI   {"op":"ready",...} once connected, or {"op":"fatal","code":...,"message":...}
  CLI -> driver   {"op":"run","task":"prepare"|"annotate"}, then one line per item (as the Node side
                  encodes it), then an empty line
  driver -> CLI   "<key> <result>" per item, key = the item's place in the stage, in whatever order the
                  cluster finishes them (the CLI sorts by key), then {"op":"done",...}, or {"op":"error",...}
  CLI -> driver   {"op":"close"}, or end of input

Kept small on purpose: no decision about the data is made here.
"""

import argparse
import json
import logging
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

# Items per call to a Node actor (as the local pool's batches), and per block put into the object store: one
# block is one Ray task, so a task is one batch: the work spreads evenly, results stream back as each batch
# is done, and a batch whose actor dies is all that is retried.
BATCH = 32
BLOCK = BATCH
# A batch whose Node process dies this many times more fails the run (a crash that follows the data).
TASK_RETRIES = 3
# Connecting to a cluster that has not answered after this long fails (ray.init itself retries for ever).
CONNECT_SECONDS = 60


class NodeActor:
    """A Ray actor around one Node process running pipeline/ray/actor.ts."""

    def __init__(self, project, node, task):
        import ray

        # True when Ray restarted this actor after it died (its Node process died, or it did): reported.
        self.restarted = bool(ray.get_runtime_context().was_current_actor_reconstructed)
        # A worker may keep the project elsewhere, or its own node: DISPATCHES_HOME, DISPATCHES_NODE.
        home = os.environ.get("DISPATCHES_HOME") or project
        node = os.environ.get("DISPATCHES_NODE") or (node if os.path.exists(node) else shutil.which("node") or "node")
        self.task = task.encode()
        self.id = f"{socket.gethostname()}:{os.getpid()}"
        self.proc = subprocess.Popen(
            [node, "--import", "tsx", os.path.join(home, "pipeline", "ray", "actor.ts")],
            cwd=home,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
        self.node_pid = self.proc.pid

    def __call__(self, batch):
        import pyarrow as pa

        keys = batch.column("key")
        items = batch.column("item").to_pylist()
        request = b'{"task":"' + self.task + b'","items":[' + b",".join(items) + b"]}\n"
        try:
            self.proc.stdin.write(request)
            self.proc.stdin.flush()
            header = self.proc.stdout.readline()
        except OSError:
            header = b""
        if not header:
            self._died()
        head = json.loads(header)
        actor_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if "error" in head:
            # The batch failed as a whole (a bug, not one article's failure): the run stops with it.
            return pa.table({"key": pa.array([-1], pa.int64()), "result": pa.array([json.dumps(head["error"]).encode()], pa.binary()),
                             "worker": [self.id], "node_rss": pa.array([head.get("rss", 0)], pa.int64()), "actor_rss": pa.array([actor_rss], pa.int64()),
                             "restarted": [self.restarted]})
        results = []
        for _ in range(head["n"]):
            line = self.proc.stdout.readline()
            if not line.endswith(b"\n"):
                self._died()
            results.append(line[:-1])
        if len(results) != len(items):
            raise RuntimeError(f"the Node actor answered {len(results)} results for {len(items)} items")
        n = len(results)
        return pa.table({"key": keys, "result": pa.array(results, pa.binary()), "worker": [self.id] * n,
                         "node_rss": pa.array([head["rss"]] * n, pa.int64()), "actor_rss": pa.array([actor_rss] * n, pa.int64()),
                         "restarted": [self.restarted] * n})

    def _died(self):
        code = self.proc.wait()
        sys.stderr.write(f"dispatches: the Node process {self.node_pid} of actor {self.id} exited ({code}); "
                         "this actor exits so that Ray restarts it and retries the batch\n")
        sys.stderr.flush()
        # The actor's death, not an exception: Ray restarts the actor (a new Node process) and retries the batch.
        os._exit(1)


def send(out, msg):
    out.write(json.dumps(msg).encode() + b"\n")
    out.flush()


def is_loopback(address):
    """The cluster address is on this machine's loopback (127.0.0.0/8, localhost, ::1); "auto" is looked up."""
    if address == "auto":
        # Where `ray start` leaves the address of the cluster it started on this machine.
        try:
            address = open(os.path.join(os.environ.get("RAY_TMPDIR", "/tmp"), "ray", "ray_current_cluster")).read().strip()
        except OSError:
            return False
    host = (address[len("ray://"):] if address.startswith("ray://") else address).rpartition(":")[0].strip("[]")
    return host == "localhost" or host == "::1" or host.startswith("127.")


def watchdog(state, out):
    """Ends this driver when the CLI is gone, or when connecting takes longer than CONNECT_SECONDS."""
    parent = os.getppid()
    while True:
        time.sleep(1)
        if os.getppid() != parent:
            # The CLI is gone: stop as on SIGTERM (Ray's handler shuts a local Ray down), at worst by force.
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
            os._exit(1)
        deadline = state.get("connect_deadline")
        if deadline and time.time() > deadline:
            send(out, {"op": "fatal", "code": "RAY_UNREACHABLE", "message": f"no answer from the Ray cluster at {state['address']} within {CONNECT_SECONDS} s"})
            os._exit(0)


def connect(ray, address, out):
    """ray.init on a cluster (address) or a new local one on 127.0.0.1; False when it failed (and said so)."""
    common = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    if address is None:
        # "local": always a new Ray of its own, never one that happens to run on this machine already.
        ray.init(address="local", _node_ip_address="127.0.0.1", **common)
        return True
    if address.startswith("ray://"):
        try:
            import grpc  # noqa: F401  (what ray[client] adds)
        except ImportError:
            send(out, {"op": "fatal", "code": "RAY_NOT_INSTALLED", "message": f"{sys.executable} has no Ray Client (ray[client]), which a ray:// address needs"})
            return False
    target = address[len("ray://"):] if address.startswith("ray://") else address
    if address != "auto":
        host, _, port = target.rpartition(":")
        try:
            socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
        except (OSError, ValueError) as e:
            send(out, {"op": "fatal", "code": "RAY_UNREACHABLE", "message": f"cannot reach the Ray cluster at {address} ({e.__class__.__name__}: {e})"})
            return False
    try:
        ray.init(address=address, **common)
    except Exception as e:  # ConnectionError for "auto" without a cluster, others from the client
        send(out, {"op": "fatal", "code": "RAY_UNREACHABLE", "message": f"cannot connect to the Ray cluster at {address} ({e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''})"})
        return False
    return True


def execute(ray, refs, task, project, node, actors, cpus_per_actor):
    """One stage's blocks through the pool of Node actors: the output batches, as the cluster finishes them."""
    ds = ray.data.from_arrow_refs(refs).map_batches(
        NodeActor,
        fn_constructor_args=(project, node, task),
        batch_size=BATCH,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=cpus_per_actor,
        max_task_retries=TASK_RETRIES,
    )
    yield from ds.iter_batches(batch_size=None, batch_format="pyarrow")


class StageRunner:
    """Runs `execute` inside the cluster, for a driver connected through Ray Client (ray://): Ray Data does
    not run over Ray Client itself (2.58: "'Worker' object has no attribute 'core_worker'"), nor do streaming
    actor methods, so the batches wait here until the driver polls for them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.batches, self.done, self.error = [], True, None

    def start(self, refs, task, project, node, actors, cpus_per_actor):
        import ray

        self.batches, self.done, self.error = [], False, None

        def go():
            try:
                for b in execute(ray, refs, task, project, node, actors, cpus_per_actor):
                    with self.lock:
                        self.batches.append(b)
            except Exception as e:
                traceback.print_exc()
                self.error = f"{e.__class__.__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"[:2000]
            finally:
                self.done = True

        threading.Thread(target=go, daemon=True).start()

    def poll(self):
        done = self.done  # read first: every batch of a finished stage is then in the list
        with self.lock:
            batches, self.batches = self.batches, []
        return batches, done, self.error


def client_batches(ray, runner, refs, task, args, actors):
    """`execute` run by the StageRunner in the cluster, polled from here."""
    ray.get(runner.start.remote(refs, task, args.project, args.node, actors, args.cpus_per_actor))
    while True:
        batches, done, error = ray.get(runner.poll.remote())
        yield from batches
        if error:
            raise RuntimeError(error)
        if done:
            return
        if not batches:
            time.sleep(0.2)


def run_stage(ray, inp, out, task, args, actors, runner):
    import pyarrow as pa

    # The stage's items go into the object store as they are read (owned by this driver, so they outlive any
    # actor); the dataset is built from those blocks once the CLI has sent the last one.
    refs, items, n = [], [], 0
    while True:
        line = inp.readline()
        if not line:
            raise EOFError("the CLI closed the stream in the middle of a stage")
        if line == b"\n" or (items and len(items) == BLOCK):
            if items:
                refs.append(ray.put(pa.table({"key": pa.array(range(n - len(items), n), pa.int64()), "item": pa.array(items, pa.binary())})))
                items = []
            if line == b"\n":
                break
        items.append(line.rstrip(b"\n"))
        n += 1
    workers = {}
    t0 = time.time()
    if n:
        batches = client_batches(ray, runner, refs, task, args, actors) if runner else execute(ray, refs, task, args.project, args.node, actors, args.cpus_per_actor)
        for b in batches:
            keys = b.column("key").to_pylist()
            results = b.column("result").to_pylist()
            columns = [b.column(c).to_pylist() for c in ("worker", "node_rss", "actor_rss", "restarted")]
            for w, nr, ar, re in set(zip(*columns)):
                s = workers.setdefault(w, {"worker": w, "node_rss_kb": 0, "actor_rss_kb": 0, "items": 0, "restarted": re})
                s["node_rss_kb"], s["actor_rss_kb"] = max(s["node_rss_kb"], nr), max(s["actor_rss_kb"], ar)
            for w in b.column("worker").to_pylist():
                workers[w]["items"] += 1
            if -1 in keys:
                send(out, {"op": "error", "payload": json.loads(results[keys.index(-1)])})
                return
            out.write(b"".join(b"%d %s\n" % (k, r) for k, r in zip(keys, results)))
            out.flush()
    send(out, {"op": "done", "items": n, "seconds": round(time.time() - t0, 3), "workers": sorted(workers.values(), key=lambda w: w["worker"]),
               "driver_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--address", default=None, help="auto, HOST:PORT or ray://HOST:PORT; none starts a local Ray on 127.0.0.1")
    p.add_argument("--project", required=True, help="the project folder (the same path on every worker, or DISPATCHES_HOME there)")
    p.add_argument("--node", required=True, help="the node executable (a worker without it uses DISPATCHES_NODE or node on PATH)")
    p.add_argument("--actors", type=int, default=0, help="Node actors; 0: one per CPU of the cluster")
    p.add_argument("--cpus-per-actor", type=float, default=0.5, help="CPUs Ray reserves per actor (fractional: Ray Data's own tasks need room)")
    args = p.parse_args()

    # Standard output is the protocol's: everything else that writes there (Ray, libraries) goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer
    # No usage reports. And a local run is a local-only Ray: on Linux Ray takes the machine's address as the
    # node's (and ignores _node_ip_address="127.0.0.1"), so its servers would listen on every interface;
    # with its local-only mode (the one it uses on macOS and Windows) every server listens on 127.0.0.1 and
    # nothing goes beyond the machine. Read when Ray is imported: set before.
    # A cluster on this machine's loopback was started the same way (`ray start --node-ip-address 127.0.0.1`
    # with this variable): the driver must be local-only as well, or Ray turns 127.0.0.1 into the machine's
    # address and never reaches it.
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    if args.address is None or is_loopback(args.address):
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    state = {"address": args.address, "connect_deadline": time.time() + CONNECT_SECONDS if args.address else None}
    threading.Thread(target=watchdog, args=(state, out), daemon=True).start()
    try:
        import pyarrow  # noqa: F401
        import ray
        import ray.data
    except ImportError as e:
        send(out, {"op": "fatal", "code": "RAY_NOT_INSTALLED", "message": f"{sys.executable} cannot import Ray Data ({e})"})
        return 0
    logging.getLogger("ray").setLevel(logging.WARNING)
    try:
        if not connect(ray, args.address, out):
            return 0
        state["connect_deadline"] = None
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        cpus = ray.cluster_resources().get("CPU", 1)
        actors = args.actors or max(1, int(cpus))
        # Through Ray Client, the stages run in an actor inside the cluster (it takes no CPU of its own).
        runner = ray.remote(num_cpus=0)(StageRunner).remote() if args.address and args.address.startswith("ray://") else None
        send(out, {"op": "ready", "ray": ray.__version__, "cpus": cpus, "nodes": len([x for x in ray.nodes() if x.get("Alive")]), "actors": actors})
        while True:
            line = inp.readline()
            if not line:
                break
            msg = json.loads(line)
            if msg["op"] == "close":
                break
            try:
                run_stage(ray, inp, out, msg["task"], args, actors, runner)
            except Exception as e:  # a failure of Ray or of the cluster (retries exhausted, node lost)
                traceback.print_exc()
                send(out, {"op": "error", "message": f"{e.__class__.__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"[:2000]})
    finally:
        if ray.is_initialized():
            ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
