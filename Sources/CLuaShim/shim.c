#include "CLuaShim.h"
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <unistd.h>

/* MARK: - Allocator */

static void stop_hook(lua_State *L, lua_Debug *ar);

static void *lvz_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lvz_runtime *rt = (lvz_runtime *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        rt->used -= old;
        return NULL;
    }
    if (nsize > old && rt->cap > 0 && rt->used - old + nsize > rt->cap && rt->in_host_call == 0) {
        if (rt->stop_reason == LVZ_STOP_NONE) rt->stop_reason = LVZ_STOP_MEMORY;
        /* Arm the sticky hook, so that a pcall swallowing "not enough memory" cannot go on. */
        if (rt->main_state != NULL) lua_sethook((lua_State *)rt->main_state, stop_hook, LUA_MASKCOUNT, 1);
        if (rt->running != NULL) lua_sethook((lua_State *)rt->running, stop_hook, LUA_MASKCOUNT, 1);
        return NULL; /* Lua raises "not enough memory" in C, never inside Swift */
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    rt->used = rt->used - old + nsize;
    if (rt->used > rt->peak) rt->peak = rt->used;
    return block;
}

lua_State *lvz_newstate(lvz_runtime *rt) {
    rt->used = 0;
    rt->peak = 0;
    rt->in_host_call = 0;
    rt->stop_reason = LVZ_STOP_NONE;
    rt->instructions_left = -1;
    rt->budget_step = 1000;
    rt->running = NULL;
    rt->main_state = NULL;
    lua_State *L = lua_newstate(lvz_alloc, rt);
    rt->main_state = L;
    /* The runtime also lives in the state's extra space (copied into every coroutine), so the
       trampoline finds it by pointer arithmetic instead of a call into the library. */
    if (L != NULL) *(lvz_runtime **)lua_getextraspace(L) = rt;
    return L;
}

static inline lvz_runtime *runtime_of(lua_State *L) {
    return *(lvz_runtime **)lua_getextraspace(L);
}

void lvz_enter_host(lvz_runtime *rt) { rt->in_host_call++; }
void lvz_leave_host(lvz_runtime *rt) { rt->in_host_call--; }

/* MARK: - Safe libraries */

static int open_safe_libs(lua_State *L) {
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},
        {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table},
        {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},
        {LUA_COLIBNAME, luaopen_coroutine},
        {LUA_OSLIBNAME, luaopen_os},
        {NULL, NULL}
    };
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    /* No package library was opened, so `require`, `package` and C loaders do not exist. */
    return 0;
}

int lvz_open_safe_libs(lua_State *L) {
    lua_pushcfunction(L, open_safe_libs);
    return lua_pcall(L, 0, 0, 0);
}

/* MARK: - Stop hook and limits */

static const char *stop_message(int reason) {
    switch (reason) {
    case LVZ_STOP_TIMEOUT: return "LVZ_STOP:timeout";
    case LVZ_STOP_INSTRUCTIONS: return "LVZ_STOP:instructions";
    case LVZ_STOP_MEMORY: return "LVZ_STOP:memory";
    default: return "LVZ_STOP:interrupt";
    }
}

static void stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lvz_runtime *rt = runtime_of(L);
    if (rt->stop_reason == LVZ_STOP_NONE && rt->instructions_left >= 0) {
        rt->instructions_left -= rt->budget_step;
        if (rt->instructions_left > 0) return;
        rt->stop_reason = LVZ_STOP_INSTRUCTIONS;
    }
    if (rt->stop_reason == LVZ_STOP_NONE) return;
    /* Sticky: from now on every instruction raises, so a pcall loop cannot go on. */
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1);
    lua_pushstring(L, stop_message(rt->stop_reason));
    lua_error(L);
}

void lvz_sethook_stop(lua_State *L) {
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1);
}

void lvz_set_instruction_budget(lua_State *L, lvz_runtime *rt, long long count) {
    if (count <= 0) {
        rt->instructions_left = -1;
        if (rt->stop_reason == LVZ_STOP_NONE) lua_sethook(L, NULL, 0, 0);
        return;
    }
    rt->budget_step = count < 1000 ? (int)count : 1000;
    rt->instructions_left = count;
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, rt->budget_step);
}

void lvz_stop(lua_State *L, lvz_runtime *rt, int reason) {
    if (rt->stop_reason == LVZ_STOP_NONE) rt->stop_reason = reason;
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1);
    /* Hooks belong to each coroutine: arm the one running now too. */
    lua_State *running = (lua_State *)rt->running;
    if (running != NULL && running != L) lua_sethook(running, stop_hook, LUA_MASKCOUNT, 1);
}

/* coroutine.resume, tracking the running coroutine so that a stop reaches it. The original
   resume is upvalue 1. */
static int tracked_resume(lua_State *L) {
    lvz_runtime *rt = runtime_of(L);
    lua_State *co = lua_tothread(L, 1);
    void *previous = rt->running;
    if (co != NULL) {
        if (rt->stop_reason != LVZ_STOP_NONE) lua_sethook(co, stop_hook, LUA_MASKCOUNT, 1);
        rt->running = co;
    }
    int nargs = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, nargs, LUA_MULTRET, 0);
    rt->running = previous;
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L);
}

int lvz_track_coroutines(lua_State *L) {
    lua_getglobal(L, "coroutine");
    if (lua_type(L, -1) != LUA_TTABLE) { lua_pop(L, 1); return 0; }
    lua_getfield(L, -1, "resume");
    lua_pushcclosure(L, tracked_resume, 1);
    lua_setfield(L, -2, "resume");
    lua_pop(L, 1);
    return 1;
}

int lvz_is_stopped(lua_State *L) {
    lua_pushboolean(L, runtime_of(L)->stop_reason != LVZ_STOP_NONE);
    return 1;
}

/* MARK: - Trampoline */

static int trampoline(lua_State *L) {
    lvz_runtime *rt = runtime_of(L);
    void *function = lua_touserdata(L, lua_upvalueindex(1));
    rt->in_host_call++;
    int results = rt->dispatch(L, function);
    rt->in_host_call--;
    /* The Swift frame has returned: raising is safe now. */
    if (results == LVZ_HOST_ERROR) {
        if (lua_type(L, -1) == LUA_TSTRING) { /* prefix the script's position, as luaL_error does */
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    if (rt->cap > 0 && rt->used > rt->cap) {
        rt->stop_reason = LVZ_STOP_MEMORY;
        lvz_sethook_stop(L);
        lua_pushstring(L, stop_message(LVZ_STOP_MEMORY));
        return lua_error(L);
    }
    return results;
}

void lvz_push_host_function(lua_State *L, void *function) {
    lua_pushlightuserdata(L, function);
    lua_pushcclosure(L, trampoline, 1);
}

/* MARK: - Errors and loading */

/* Text of a value without metamethods (a script's __tostring never runs in the host). */
static const char *raw_text(lua_State *L, int index, size_t *length) {
    index = lua_absindex(L, index);
    switch (lua_type(L, index)) {
    case LUA_TSTRING:
        lua_pushvalue(L, index);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, index)) lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, index));
        else lua_pushfstring(L, "%f", (LUAI_UACNUMBER)lua_tonumber(L, index));
        break;
    case LUA_TBOOLEAN:
        lua_pushstring(L, lua_toboolean(L, index) ? "true" : "false");
        break;
    case LUA_TNIL:
        lua_pushliteral(L, "nil");
        break;
    default:
        lua_pushfstring(L, "(%s 类型的错误对象)", lua_typename(L, lua_type(L, index)));
        break;
    }
    return lua_tolstring(L, -1, length);
}

const char *lvz_raw_text(lua_State *L, int index, size_t *length) {
    lvz_runtime *rt = runtime_of(L);
    rt->in_host_call++;
    const char *text = raw_text(L, index, length);
    rt->in_host_call--;
    return text;
}

static int traceback_handler(lua_State *L) {
    size_t length = 0;
    const char *message = raw_text(L, 1, &length);
    if (strncmp(message, "LVZ_STOP:", 9) == 0) return 1; /* a stop needs no traceback */
    luaL_traceback(L, L, message, 1);
    return 1;
}

int lvz_pcall_traceback(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback_handler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

int lvz_load_text(lua_State *L, const char *code, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, code, length, chunkname, "t");
}

/* MARK: - Macros */

void lvz_pop(lua_State *L, int n) { lua_pop(L, n); }
void lvz_newtable(lua_State *L) { lua_newtable(L); }
int lvz_upvalueindex(int i) { return lua_upvalueindex(i); }
int lvz_registryindex(void) { return LUA_REGISTRYINDEX; }
int lvz_isnoneornil(lua_State *L, int index) { return lua_isnoneornil(L, index); }
void lvz_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }

/* MARK: - Benchmark baselines */

int lvz_bench_c_noop(lua_State *L) { (void)L; return 0; }

int lvz_bench_c_add(lua_State *L) {
    lua_pushinteger(L, lua_tointegerx(L, 1, NULL) + lua_tointegerx(L, 2, NULL));
    return 1;
}

/* MARK: - Ctrl-C in the console */

static lua_State *volatile interrupt_state = NULL;
static lvz_runtime *volatile interrupt_runtime = NULL;

static volatile sig_atomic_t interrupted_idle = 0;

static void on_sigint(int signal_number) {
    (void)signal_number;
    lua_State *L = interrupt_state;
    lvz_runtime *rt = interrupt_runtime;
    if (L != NULL && rt != NULL) lvz_stop(L, rt, LVZ_STOP_INTERRUPT);
    else interrupted_idle = 1;
}

int lvz_take_idle_interrupt(void) {
    int was = interrupted_idle;
    interrupted_idle = 0;
    return was;
}

void lvz_set_interrupt_target(lua_State *L, lvz_runtime *rt) {
    interrupt_runtime = rt;
    interrupt_state = L;
}

void lvz_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

/* MARK: - The script worker's lifetime */

static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* Unblocks the termination signals in this thread (a mask inherited from whatever started the
   process must not keep a forwarded signal from taking effect). */
static void unblock_termination_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof termination_signals / sizeof termination_signals[0]; i++) sigaddset(&set, termination_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int lvz_die_with_parent(pid_t expected_parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
    unblock_termination_signals();
    /* The parent may have died before prctl: then this process was already re-parented. */
    return getppid() == expected_parent ? 0 : 1;
}

static volatile pid_t forward_target = 0;
static volatile sig_atomic_t forwarded_signal = 0;

static void on_forwarded_signal(int signal_number) {
    forwarded_signal = signal_number;
    pid_t target = forward_target;
    if (target > 0) kill(target, signal_number);
}

void lvz_forward_termination_signals(pid_t child) {
    forward_target = child;
    for (size_t i = 0; i < sizeof termination_signals / sizeof termination_signals[0]; i++) {
        struct sigaction current;
        /* A signal the command was started with ignored (nohup, a background job) stays
           ignored, here and in the child, which inherited that. */
        if (sigaction(termination_signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_forwarded_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(termination_signals[i], &action, NULL);
    }
    unblock_termination_signals();
}

int lvz_forwarded_signal(void) { return forwarded_signal; }
