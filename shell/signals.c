/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * signals.c: Ctrl-C and termination. The handlers only set flags (and ask
 * the interpreter to stop running Lua at its next safe point); the code
 * that runs commands acts on them between steps and statements.
 *
 * The signal handler needs the simulator without an argument, so this file
 * keeps one pointer to it: the only file-scope mutable state in the shell.
 */
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "../interp/interp.h"
#include "signals.h"

/* Atomic: the handler may run on a thread of the MPI library while the
 * main thread lets go of the simulator (signals_release). */
static _Atomic(struct gs_sim *) sig_sim;
static void (*sig_prompt_hook)(void);
static volatile sig_atomic_t sig_at_prompt;
static volatile sig_atomic_t sig_terminate;
static volatile sig_atomic_t sig_prompt_interrupt;

/* Asks the running Lua code to stop at its next safe point. */
static void
interrupt_sim(void)
{
    struct gs_sim *sim = atomic_load(&sig_sim);
    if (sim) {
        sim->interrupted = 1;
        interp_interrupt(sim);
    }
}

static void
on_interrupt(int signo)
{
    (void)signo;
    if (sig_at_prompt) {
        sig_prompt_interrupt = 1;
        if (sig_prompt_hook)
            sig_prompt_hook();
        return;
    }
    interrupt_sim();
}

static void
on_terminate(int signo)
{
    (void)signo;
    sig_terminate = 1;
    interrupt_sim();
    if (sig_at_prompt) {
        /* Nothing is running: leave the blocking read. */
        static const char msg[] = "\n";
        ssize_t n = write(STDOUT_FILENO, msg, sizeof msg - 1);
        (void)n;
    }
}

void
signals_install(struct gs_sim *sim, void (*at_prompt_hook)(void))
{
    struct sigaction sa;
    atomic_store(&sig_sim, sim);
    sig_prompt_hook = at_prompt_hook;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void
signals_at_prompt(bool at_prompt)
{
    if (at_prompt && !sig_at_prompt)
        sig_prompt_interrupt = 0;
    sig_at_prompt = at_prompt;
}

bool
signals_prompt_interrupted(void)
{
    bool was = sig_prompt_interrupt != 0;
    sig_prompt_interrupt = 0;
    return was;
}

bool
signals_terminate_requested(void)
{
    return sig_terminate != 0;
}

void
signals_release(void)
{
    atomic_store(&sig_sim, NULL);
}
