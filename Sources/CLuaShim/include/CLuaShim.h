/*
 * CLuaShim: the small C layer that Swift cannot do itself.
 *
 * - Lua's function-like macros as functions (lvz_pop, lvz_upvalueindex, ...).
 * - The call trampoline: Swift host functions return a status to C, and C raises the Lua
 *   error only after the Swift frame has returned (a longjmp must never cross Swift).
 * - The memory-capped allocator: refuses to grow past the cap, except while a host call
 *   runs (a push inside Swift must not raise); the cap is enforced when the call returns.
 * - The script worker's lifetime: die with the parent (prctl), forward signals to the child.
 * - The stop hook: armed only when needed (a deadline, an interrupt, an instruction
 *   budget); once a run is stopped the hook fires on every instruction, so `pcall` cannot
 *   swallow the stop.
 */
#ifndef LVZ_CLUASHIM_H
#define LVZ_CLUASHIM_H

#include <stddef.h>
#include <signal.h>
#include <sys/types.h>
#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>

/* Why a run was stopped. */
enum {
    LVZ_STOP_NONE = 0,
    LVZ_STOP_TIMEOUT = 1,
    LVZ_STOP_INSTRUCTIONS = 2,
    LVZ_STOP_MEMORY = 3,
    LVZ_STOP_INTERRUPT = 4
};

/* What a host function returns to the trampoline instead of a result count when it failed:
   its error message is then on top of the stack. */
#define LVZ_HOST_ERROR (-1)

/* A Swift function that serves every host function: `function` is the Swift side's handle
   of the one called (kept alive by the Swift engine as long as the state). */
typedef int (*lvz_host_dispatch)(lua_State *L, void *function);

/* Per-state bookkeeping, owned by the Swift engine (the allocator's user data). */
typedef struct lvz_runtime {
    size_t used;              /* bytes currently allocated by the state */
    size_t peak;              /* the most ever allocated */
    size_t cap;               /* the memory cap in bytes (0 = none) */
    int in_host_call;         /* > 0 while a host function runs: the cap is not enforced */
    volatile sig_atomic_t stop_reason; /* LVZ_STOP_*: set by the watchdog, the budget, or the allocator */
    long long instructions_left;       /* instruction budget left (-1 = no budget) */
    int budget_step;          /* instructions between two hook calls while a budget runs */
    void *main_state;         /* the state itself (for the allocator to arm the hook) */
    void *volatile running;   /* the coroutine running now (NULL: the main thread) */
    lvz_host_dispatch dispatch;
    void *context;            /* the Swift engine that owns the state */
} lvz_runtime;

/* A new state using `rt` for allocation and limits; NULL if even that fails. */
lua_State *lvz_newstate(lvz_runtime *rt);

/* Opens the safe standard libraries (base, string, table, math, utf8, coroutine, os) in a
   protected call. Returns a Lua status (LUA_OK on success). */
int lvz_open_safe_libs(lua_State *L);

/* Pushes a host function as a Lua function: a C closure over the trampoline whose upvalue
   is `function`, the Swift side's handle. */
void lvz_push_host_function(lua_State *L, void *function);

/* Starts an instruction budget of `count` instructions (count <= 0: none). */
void lvz_set_instruction_budget(lua_State *L, lvz_runtime *rt, long long count);

/* Stops the run for `reason`: async-safe (a watchdog thread may call it), as lua.c does
   from its SIGINT handler. The script gets an error at its next instruction, and at every
   instruction after that. */
void lvz_stop(lua_State *L, lvz_runtime *rt, int reason);

/* Replaces coroutine.resume (in the global `coroutine` table) by a version that tracks the
   running coroutine, so that lvz_stop reaches a loop inside a coroutine. Call while the
   state is being set up (it may raise only on memory exhaustion). */
int lvz_track_coroutines(lua_State *L);

/* A Lua function: true once the run has been stopped. The sandbox's xpcall uses it: after
   a stop raised from the hook, Lua runs the message handler with hooks off, so the
   handler must not run script code then. */
int lvz_is_stopped(lua_State *L);

/* lua_pcall with a message handler that adds a traceback. The message handler reads the
   error value raw: a `__tostring` metamethod of the script is never run. */
int lvz_pcall_traceback(lua_State *L, int nargs, int nresults);

/* Loads a text chunk (binary chunks are refused). Returns a Lua status. */
int lvz_load_text(lua_State *L, const char *code, size_t length, const char *chunkname);

/* The value at `index` as text without running any script code (no metamethods).
   Pushes the text and returns it; never raises while a host call is active. */
const char *lvz_raw_text(lua_State *L, int index, size_t *length);

/* Enters/leaves a host call (the trampoline does this; Swift uses it when it pushes
   results outside a call, e.g. building tables before a run). */
void lvz_enter_host(lvz_runtime *rt);
void lvz_leave_host(lvz_runtime *rt);

/* Function-like macros of lua.h, as functions. */
void lvz_pop(lua_State *L, int n);
void lvz_newtable(lua_State *L);
int lvz_upvalueindex(int i);
int lvz_registryindex(void);
int lvz_isnoneornil(lua_State *L, int index);
void lvz_pushglobaltable(lua_State *L);
void lvz_sethook_stop(lua_State *L);

/* Ctrl-C: while a target is set, SIGINT stops its run (as lua.c does); otherwise it is ignored. */
void lvz_set_interrupt_target(lua_State *L, lvz_runtime *rt);
void lvz_install_interrupt_handler(void);
/* Whether a SIGINT came while no run was the target (Ctrl-C at the console's prompt), since the
   last call; clears it. */
int lvz_take_idle_interrupt(void);

/* The script worker: asks the kernel to SIGKILL this process when its parent dies
   (PR_SET_PDEATHSIG), unblocks SIGINT, SIGTERM and SIGHUP, then checks that the parent is still
   `expected_parent` (it may have died before the call). Returns 0 when bound, 1 when the parent
   is already gone, -1 if prctl failed. */
int lvz_die_with_parent(pid_t expected_parent);

/* The supervising parent: from now on SIGINT, SIGTERM and SIGHUP sent to this process are
   passed on to `child` instead of ending this process (a signal this process was started
   with ignored stays ignored: the child inherited that too); lvz_forwarded_signal() tells the
   last one passed on (0: none). */
void lvz_forward_termination_signals(pid_t child);
int lvz_forwarded_signal(void);

/* Plain C functions for the benchmark's baseline (a no-op, and an addition of two integers). */
int lvz_bench_c_noop(lua_State *L);
int lvz_bench_c_add(lua_State *L);

#endif
