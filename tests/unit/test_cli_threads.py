"""The `sitrep` command's process settings."""



def test_the_command_runs_openblas_on_one_thread_unless_the_user_chose():
    import os
    import subprocess
    import sys
    probe = ("import sys, os, sitrep.cli; "
             "print(os.environ.get('OPENBLAS_NUM_THREADS'), 'numpy' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["1", "False"], out.stderr     # set before numpy is loaded
    out = subprocess.run([sys.executable, "-c", probe], env={**env, "OPENBLAS_NUM_THREADS": "4"},
                         capture_output=True, text=True)
    assert out.stdout.split()[0] == "4"
