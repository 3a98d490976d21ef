"""One way to start or join Ray for every scale-out path."""

from __future__ import annotations


def ensure_ray(address: str | None, num_cpus: int) -> None:
    """Join the cluster at `address`, or start a local Ray with `num_cpus` (no dashboard,
    no log forwarding); nothing when Ray is already initialised in this process."""
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, ignore_reinit_error=True,
                 log_to_driver=False, configure_logging=False)
