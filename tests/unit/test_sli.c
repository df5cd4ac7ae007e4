/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_sli.c: unit tests of the SLI compiler (interp/sli): the Lua it
 * writes for each construct, that it keeps .g lines, its error messages,
 * when it says the text is incomplete, and that whatever it accepts Lua
 * accepts too. The runtime (runtime.lua) is tested here on its own, with
 * a stand-in gensh table; the script tests run both for real.
 */
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "interp/sli/sli.h"
#include "tests/tap.h"

extern const char sli_runtime_lua[];
extern const unsigned long sli_runtime_lua_len;

/* ---- helpers ---- */

static enum sli_status
compile_n(const char *src, size_t n, bool markers, struct strbuf *out, struct strbuf *err)
{
    struct sli_options opt = {.markers = markers};
    return sli_compile(src, n, "t.g", &opt, out, err);
}

/* Compiles SRC; returns the Lua (caller frees) or NULL, with ERR filled. */
static char *
lua_of(const char *src, char **err)
{
    struct strbuf out = STRBUF_INIT, e = STRBUF_INIT;
    enum sli_status st = compile_n(src, strlen(src), false, &out, &e);
    if (err)
        *err = st == SLI_OK ? NULL : sb_take(&e);
    sb_free(&e);
    if (st != SLI_OK) {
        sb_free(&out);
        return NULL;
    }
    return sb_take(&out);
}

/* The first line of SRC's error message (caller frees), or NULL. */
static char *
error_of(const char *src, enum sli_status *st)
{
    struct strbuf out = STRBUF_INIT, e = STRBUF_INIT;
    *st = compile_n(src, strlen(src), false, &out, &e);
    sb_free(&out);
    char *msg = sb_take(&e);
    if (msg) {
        char *nl = strchr(msg, '\n');
        if (nl)
            *nl = '\0';
    }
    return msg;
}

static bool
loads(const char *lua)
{
    lua_State *L = luaL_newstate();
    int rc = luaL_loadbuffer(L, lua, strlen(lua), "=t");
    if (rc != LUA_OK)
        diag("lua says: %s", lua_tostring(L, -1));
    lua_close(L);
    return rc == LUA_OK;
}

static int
count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Line N (1-based) of S, in BUF. */
static const char *
line_of(const char *s, int n, char *buf, size_t size)
{
    for (int l = 1; l < n && s; l++) {
        s = strchr(s, '\n');
        if (s)
            s++;
    }
    if (!s)
        return "";
    size_t len = strcspn(s, "\n");
    if (len >= size)
        len = size - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

/* The Lua for SRC with the prologue removed from line 1. */
static char *
body_of(const char *src)
{
    char *lua = lua_of(src, NULL);
    if (!lua)
        return NULL;
    const char *p = strstr(lua, "gensh.R;");
    const char *start = p ? p + strlen("gensh.R;") : lua;
    while (*start == ' ')
        start++;
    char *body = strdup(start);
    size_t n = strlen(body);
    while (n && (body[n - 1] == '\n' || body[n - 1] == ' '))
        body[--n] = '\0';
    free(lua);
    return body;
}

static void
is_body(const char *src, const char *want, const char *name)
{
    char *got = body_of(src);
    is_str(got, want, name);
    free(got);
}

static void
is_error(const char *src, const char *want, const char *name)
{
    enum sli_status st;
    char *msg = error_of(src, &st);
    ok(st == SLI_ERROR, name);
    is_str(msg, want, name);
    free(msg);
}

static void
is_incomplete(const char *src, const char *name)
{
    struct strbuf out = STRBUF_INIT, e = STRBUF_INIT;
    enum sli_status st = compile_n(src, strlen(src), false, &out, &e);
    if (!ok(st == SLI_INCOMPLETE, name))
        diag("status %d: %s", (int)st, sb_str(&e));
    sb_free(&out);
    sb_free(&e);
}

static void
is_complete(const char *src, const char *name)
{
    char *err = NULL;
    char *lua = lua_of(src, &err);
    if (!ok(lua && loads(lua), name))
        diag("%s", err ? err : "(loads failed)");
    free(lua);
    free(err);
}

/* ---- tests ---- */

static void
test_prologue_and_empty(void)
{
    char *lua = lua_of("", NULL);
    ok(lua && strncmp(lua, "local S, R = gensh.S, gensh.R;", 30) == 0, "prologue on line 1");
    is_int(lua ? count_lines(lua) : -1, 1, "empty script: one line");
    ok(lua && loads(lua), "empty script loads");
    free(lua);
    struct strbuf out = STRBUF_INIT;
    sb_puts(&out, "-- before\n");
    enum sli_status st = sli_compile("echo x\n", 7, "t.g", NULL, &out, NULL);
    ok(st == SLI_OK && strncmp(sb_str(&out), "-- before\nlocal S", 17) == 0,
       "appends to OUT; options and ERR may be NULL");
    sb_free(&out);
}

static void
test_commands(void)
{
    is_body("echo hello world", "S.run(\"echo\", \"hello\", \"world\")", "plain words");
    is_body("echo \"a b\" c", "S.run(\"echo\", \"a b\", \"c\")", "quoted string");
    is_body("echo x{1+2}\"y\"", "S.run(\"echo\", (\"x\" .. S.str((1 + 2)) .. \"y\"))",
            "adjacent pieces make one argument");
    is_body("echo a; echo b", "S.run(\"echo\", \"a\") S.run(\"echo\", \"b\")", "';' separates");
    is_body("echo a \\ // note\n b", "S.run(\"echo\", \"a\", \"b\")",
            "continuation with a comment");
    is_body("echo a /* c */ b", "S.run(\"echo\", \"a\", \"b\")", "block comment between words");
    is_body("echo /*/soma", "S.run(\"echo\", \"/*/soma\")", "/* followed by a word is a word");
    is_body("echo http://x", "S.run(\"echo\", \"http://x\")", "// inside a word");
    is_body("setfield ^ x 1", "S.run(\"setfield\", \"^\", \"x\", \"1\")", "^ is a word");
    is_body("echo $1", "S.run(\"echo\", S.argv(1, \"t.g\", ...))", "$1");
    is_body("echo {getfield /a x}", "S.runt(\"echo\", {S.sp(S.run(\"getfield\", \"/a\", \"x\"))})",
            "a lone {call} may spread a list");
    is_body("echo {el}", "S.runt(\"echo\", {S.sp(S.ref(\"el\"))})", "{name}: variable or call");
    is_body("foo{x}bar a", "S.run((\"foo\" .. S.str(S.ref(\"x\")) .. \"bar\"), \"a\")",
            "a name with pieces is computed");
    is_body("include lib a", "S.cmd(\"include\", \"lib\", \"a\")", "include calls the command");
    is_body("echo \"q\\\"x\" \"a\\nb\"", "S.run(\"echo\", \"q\\\"x\", \"a\\\\nb\")",
            "\\\" in a string; other backslashes kept");
}

static void
test_parallel_forms(void)
{
    is_body("echo@0 hi", "R.call(\"0\", \"echo\", {\"hi\"})", "cmd@node");
    is_body("echo@all hi", "R.call(\"all\", \"echo\", {\"hi\"})", "cmd@all");
    is_body("echo@0,2 hi", "R.call(\"0,2\", \"echo\", {\"hi\"})", "cmd@list");
    is_body("echo@1.0 hi", "R.call(\"1.0\", \"echo\", {\"hi\"})", "cmd@node.zone");
    is_body("int w\necho@{w} hi", "S.gdecl(\"w\", \"int\")\nR.call(S.str(w), \"echo\", {\"hi\"})",
            "cmd@{list}");
    is_body("echo {x@0}", "S.runt(\"echo\", {S.sp(R.call(\"0\", \"x\", {}))})", "{cmd@node}");
    is_body("async echo@0 hi", "R.async(\"0\", \"echo\", {\"hi\"})", "async cmd@node");
    is_body("echo a@b", "S.run(\"echo\", \"a@b\")", "@ in an argument is text");
    is_error("echo@ hi",
             "t.g:1: empty node list after 'echo@': expected a node number, 'all' or 'others'",
             "empty node list");
    is_error("echo@1,,2 hi",
             "t.g:1: bad node list '1,,2' after 'echo@': expected nodes like 0  1,3  0-2  all  "
             "others  1.0",
             "malformed node list");
    is_error("echo@0. hi",
             "t.g:1: bad node list '0.' after 'echo@': expected nodes like 0  1,3  0-2  all  "
             "others  1.0",
             "zone missing");
    is_complete("echo@0-3,others.all hi", "ranges and zones accepted");
}

static void
test_declarations(void)
{
    is_body("int a, b = 2", "S.gdecl(\"a\", \"int\") S.gdecl(\"b\", \"int\") b = 2",
            "global declarations");
    is_body("float x = 1\nx = 2", "S.gdecl(\"x\", \"float\") x = 1.0\nx = 2.0",
            "float conversions");
    is_body("int i\ni = 7.5", "S.gdecl(\"i\", \"int\")\ni = S.toint(7.5)", "int conversion");
    is_body("str s\ns = 3", "S.gdecl(\"s\", \"str\")\ns = \"3\"", "str from an int literal");
    is_body("y = 1", "S.setg(\"y\", 1)", "an undeclared global is set by name");
    is_body("echo {z+1}", "S.run(\"echo\", S.str((S.num(S.getg(\"z\")) + 1)))",
            "an undeclared global is read by name");
    is_body("echo {z + 1}",
            "S.runt(\"echo\", {S.sp((S.isexpr(\"z\") and (S.num(S.getg(\"z\")) + 1) or "
            "S.run(\"z\", \"+\", \"1\")))})",
            "an undeclared name before a blank operator: an expression, or a command's words");
    is_body(
        "int local = 1\necho {local}",
        "S.gdecl(\"local\", \"int\") _ENV[\"local\"] = 1\nS.run(\"echo\", S.str(_ENV[\"local\"]))",
        "a Lua keyword as a global");
    is_body("str table = \"t\"", "S.gdecl(\"table\", \"str\", \"t\")",
            "Lua's own globals are kept apart");
    is_error("int 5x",
             "t.g:1: bad variable name '5x' in 'int' declaration: names are letters, "
             "digits and '_', not starting with a digit",
             "bad name");
    is_error("float a.b",
             "t.g:1: bad variable name 'a.b' in 'float' declaration: names are "
             "letters, digits and '_', not starting with a digit",
             "glued name");
    is_error("str while", "t.g:1: 'while' is a keyword and cannot name a variable", "keyword");
    is_error("int", "t.g:1: a variable name expected after 'int'", "no name");
}

static void
test_expressions(void)
{
    is_body("int a\necho {a / 2} {a * 1.5} {a % 2}",
            "S.gdecl(\"a\", \"int\")\nS.run(\"echo\", S.str(S.idiv(a, 2)), S.str((a * 1.5)), "
            "S.str(S.mod(a, 2)))",
            "int arithmetic");
    is_body("echo {\"3\" + 1}", "S.run(\"echo\", S.str((S.tof(\"3\") + 1)))",
            "a string in arithmetic is a float");
    is_body("echo {1 < 2}", "S.run(\"echo\", S.str(((1 < 2) and 1 or 0)))", "comparison value");
    is_body("str s\necho {s < \"b\"}",
            "S.gdecl(\"s\", \"str\")\nS.run(\"echo\", S.str(((S.scmp(s, "
            "\"b\") < 0) and 1 or 0)))",
            "string ordering");
    is_body("str s\necho {s == 3}",
            "S.gdecl(\"s\", \"str\")\nS.run(\"echo\", S.str(((S.toint(s) == "
            "3) and 1 or 0)))",
            "string against int compares as ints");
    is_body("echo {1 || 0 && 0}",
            "S.run(\"echo\", S.str((((true or false) and false) and 1 or 0)))",
            "|| and && share one level");
    is_body("echo {!1 + 1}", "S.run(\"echo\", S.str((((1 + 1) ~= 0) and 0 or 1)))", "! takes in +");
    is_body("echo {-2 ** 2}", "S.run(\"echo\", S.str(((-2) ^ 2)))", "unary minus binds tightest");
    is_body("echo {2 ** 3 ** 2}", "S.run(\"echo\", S.str(((2 ^ 3) ^ 2)))", "** left to right");
    is_body("echo {\"a\" @ 1 + 2}", "S.run(\"echo\", S.str((S.tof((\"a\" .. \"1\")) + 2)))",
            "@ is at the level of +");
    is_body("echo {5 & 3} {~1}", "S.run(\"echo\", S.str((5 & 3)), S.str((~1)))", "bit operators");
    is_body("echo {{f} && 1}",
            "S.run(\"echo\", S.str(((S.truth(S.ref(\"f\")) and true) and 1 or 0)))",
            "pure right side: short circuit");
    is_body("echo {1 && {f}}",
            "S.run(\"echo\", S.str((S.both(true, S.truth(S.ref(\"f\"))) and 1 or 0)))",
            "a call on the right is always evaluated");
    is_body("echo {1e3} {.5} {2.}", "S.run(\"echo\", S.str(1e3), S.str(.5), S.str(2.))",
            "float literals");
    is_body("echo {99999999999999999999}", "S.run(\"echo\", S.str(99999999999999999999))",
            "a too big int is a float");
    is_body("echo {argc} {argv 1} {argv {argc}}",
            "S.run(\"echo\", S.str(S.argc(...)), S.argv(\"1\", \"t.g\", ...), "
            "S.argv(S.argc(...), \"t.g\", ...))",
            "argc and argv");
    is_body("echo {x - 1} {x -1} {x-1}",
            "S.runt(\"echo\", {S.sp((S.isexpr(\"x\") and (S.num(S.getg(\"x\")) - 1) or "
            "S.run(\"x\", \"-\", \"1\"))), S.sp((S.isvar(\"x\") and "
            "(S.num(S.getg(\"x\")) - 1) or S.run(\"x\", \"-1\"))), "
            "S.str((S.num(S.getg(\"x\")) - 1))})",
            "an unknown name: both readings are kept, or glued: an expression");
    is_body("echo {cmd a -1}", "S.runt(\"echo\", {S.sp(S.run(\"cmd\", \"a\", \"-1\"))})",
            "a word after the name: a call");
    is_error("echo {1 < 2 < 3}", "t.g:1: comparisons cannot be chained: use && between them",
             "no chained comparisons");
    is_error("echo {1 +}", "t.g:1: a value expected, got '}'", "missing operand");
    is_error("echo {(1}", "t.g:1: ')' expected, got '}'", "missing )");
    is_error("echo {end}", "t.g:1: 'end' is a keyword, not a value", "keyword in an expression");
}

static void
test_control(void)
{
    is_body("if (1)\necho a\nelif (2)\necho b\nelse\necho c\nend",
            "if true then\nS.run(\"echo\", \"a\")\nelseif true then\nS.run(\"echo\", \"b\")\nelse\n"
            "S.run(\"echo\", \"c\")\nend",
            "if/elif/else keeps lines");
    is_body("if (1) echo a\nend", "if true then S.run(\"echo\", \"a\")\nend",
            "a statement on the header line");
    is_body("int i\nwhile (i < 3)\ni = i + 1\nend",
            "S.gdecl(\"i\", \"int\")\nwhile (i < 3) do\ni = (i + 1)\nend", "while");
    is_body(
        "int i\nfor (i = 0; i < 2; i = i + 1)\necho {i}\nend",
        "S.gdecl(\"i\", \"int\")\ndo local _f1 = false i = 0 while true do if _f1 then i = (i + 1) "
        "end _f1 = true if not (i < 2) then break end\nS.run(\"echo\", S.str(i))\nend end",
        "for keeps its header on one line");
    is_body("str s\nforeach s (a {s} b)\ncontinue\nend",
            "S.gdecl(\"s\", \"str\")\nfor _, _x1 in S.each({\"a\", s, \"b\"}) do s = S.str(_x1)\n"
            "goto c1\n::c1:: end",
            "foreach and continue");
    is_body("while (1)\nbreak\nend", "while true do\nbreak\nend", "break");
    is_body("return", "do return end", "return at the top level ends the script");
    is_error("end", "t.g:1: 'end' without an open block", "end without a block");
    is_error("else", "t.g:1: 'else' without an open block", "else without if");
    is_error("while (1)\nelse\nend", "t.g:2: 'else' without 'if' ('while' at line 1 is still open)",
             "else in a loop");
    is_error("if (1)\nelse\nelif (0)\nend", "t.g:3: 'elif' after 'else' (the 'if' at line 1)",
             "elif after else");
    is_error("break", "t.g:1: 'break' outside a loop", "break outside a loop");
    is_error("continue", "t.g:1: 'continue' outside a loop", "continue outside a loop");
    is_error("for (i = 0; i < 3)\nend",
             "t.g:1: bad 'for' header at ')': expected 'for (var = value; condition; var = value)'",
             "bad for header");
    is_error("for i = 0\nend",
             "t.g:1: bad 'for' header at 'i': expected 'for (var = value; condition; var = value)'",
             "for without parentheses");
    is_error("for (i; i < 3; i = i + 1)\nend",
             "t.g:1: bad 'for' header at ';': expected 'for (var = value; condition; var = value)'",
             "for init not an assignment");
    is_error("if 1\nend", "t.g:1: '(' after 'if' expected, got '1'", "if without parentheses");
    is_incomplete("if (1) echo a end", "end as an argument is a word");
}

static void
test_functions(void)
{
    is_body("function f(a, b)\nint a\nstr c\nreturn a\nend",
            "S.defun(\"f\", function(...) local a, b = S.params(2, ...) local c = \"0\"\na = "
            "S.toint(a)\nc = \"0\"\ndo return a end\nreturn 0 end)",
            "function with parameters and locals");
    is_body("function f\nreturn\nend",
            "S.defun(\"f\", function(...)\ndo return 0 end\nreturn 0 end)",
            "return without a value gives 0");
    is_body("function f(end_, nil)\necho {nil}\nend",
            "S.defun(\"f\", function(...) local end_, _v_nil = S.params(2, ...)\nS.run(\"echo\", "
            "_v_nil)\nreturn 0 end)",
            "Lua keywords as locals are renamed");
    is_body("function f\nwhile (1)\nint n\nend\nend",
            "S.defun(\"f\", function(...) local n = \"0\"\nwhile true do\nn = "
            "S.toint(n)\nend\nreturn 0 "
            "end)",
            "a declaration in a loop converts the value it has");
    is_body("extern g", "", "extern compiles to nothing");
    is_body("function f\necho {argv 0}\nend",
            "S.defun(\"f\", function(...)\nS.run(\"echo\", "
            "S.argv(\"0\", \"f\", ...))\nreturn 0 end)",
            "argv 0 is the function's name");
    is_error("function f\nfunction g\nend\nend",
             "t.g:2: a function cannot be defined inside another (function 'f' at line 1)",
             "no nested functions");
    is_error("function if\nend", "t.g:1: 'if' is a keyword and cannot name a function",
             "keyword as a function name");
    is_error("function f(a, a)\nend", "t.g:1: parameter 'a' is named twice", "duplicate parameter");
    is_error("function f(a b)\nend", "t.g:1: ',' or ')' in the parameter list expected, got 'b'",
             "bad parameter list");
    struct strbuf src = STRBUF_INIT;
    sb_puts(&src, "function f\n");
    for (int i = 0; i < 180; i++)
        sb_printf(&src, "int v%d\n", i);
    sb_puts(&src, "end\n");
    is_complete(sb_str(&src), "180 locals compile and load");
    sb_reset(&src);
    sb_puts(&src, "function f\n");
    for (int i = 0; i < 181; i++)
        sb_printf(&src, "int v%d\n", i);
    sb_puts(&src, "end\n");
    is_error(sb_str(&src), "t.g:182: function 'f' has too many local variables (at most 180)",
             "181 locals are too many");
    sb_free(&src);
}

static void
test_lines(void)
{
    const char *src = "// line 1\n"
                      "int a = 1\n"
                      "function f(x)\n"
                      "    echo in f \\\n"
                      "         {x}\n"
                      "    if (x > 1)\n"
                      "        return {x}\n"
                      "    end\n"
                      "end\n"
                      "/* a comment\n"
                      "   over lines */\n"
                      "for (a = 0; a < 2; \\\n"
                      "     a = a + 1)\n"
                      "    echo loop {a}\n"
                      "end\n"
                      "echo last\n";
    char *lua = lua_of(src, NULL);
    char buf[256];
    ok(lua != NULL, "the line test compiles");
    if (!lua)
        return;
    is_int(count_lines(lua), count_lines(src), "as many lines as the .g");
    ok(strstr(line_of(lua, 4, buf, sizeof buf), "\"in\", \"f\"") != NULL, "echo on its line");
    ok(strcmp(line_of(lua, 5, buf, sizeof buf), "") == 0, "continued line left blank");
    ok(strstr(line_of(lua, 7, buf, sizeof buf), "return") != NULL, "return on its line");
    ok(strstr(line_of(lua, 12, buf, sizeof buf), "while true") != NULL, "for on its line");
    ok(strstr(line_of(lua, 14, buf, sizeof buf), "\"loop\"") != NULL, "loop body on its line");
    ok(strstr(line_of(lua, 16, buf, sizeof buf), "\"last\"") != NULL, "last line");
    ok(loads(lua), "the line test loads");
    free(lua);

    struct strbuf out = STRBUF_INIT;
    compile_n("echo a\n\necho b\n", 15, true, &out, NULL);
    is_str(sb_str(&out),
           "local S, R = gensh.S, gensh.R; S.run(\"echo\", \"a\") -- t.g:1\n\n"
           "S.run(\"echo\", \"b\") -- t.g:3\n",
           "markers name the .g line");
    sb_free(&out);
    lua = lua_of("echo a\r\necho b\recho c\n", NULL);
    ok(lua && strstr(line_of(lua, 3, buf, sizeof buf), "\"c\"") != NULL, "CRLF and CR line ends");
    free(lua);
}

static void
test_errors_show_text(void)
{
    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
    const char *src = "echo ok\n\techo \"abc\n";
    enum sli_status st = compile_n(src, strlen(src), false, &out, &err);
    ok(st == SLI_ERROR, "unterminated string is an error");
    is_str(sb_str(&err),
           "t.g:2: unterminated string: '\"' expected before the end of the line\n"
           "     echo \"abc\n"
           "          ^",
           "message, line (tab shown as a blank) and caret");
    sb_reset(&err);
    st = compile_n("echo {1 + 2\n", 12, false, &out, &err);
    is_str(sb_str(&err), "t.g:1: missing '}' to close this '{'\n    echo {1 + 2\n         ^",
           "unbalanced { points at the {");
    ok(st == SLI_INCOMPLETE, "an open { at the end is incomplete");
    sb_reset(&err);
    st = compile_n("if (1)\n  echo\n", 14, false, &out, &err);
    is_str(sb_str(&err), "t.g:1: 'if' at line 1 has no matching 'end'\n    if (1)\n    ^",
           "missing end points at the block");
    sb_free(&out);
    sb_free(&err);
}

static void
test_incomplete(void)
{
    is_incomplete("if (1)\n", "open if");
    is_incomplete("if (1)\n echo a\nelse\n", "open else");
    is_incomplete("function f\n", "open function");
    is_incomplete("while (1)\n", "open while");
    is_incomplete("foreach x (a b\n", "open foreach list");
    is_incomplete("echo {1 +\n", "open brace");
    is_incomplete("echo {strlen\n", "open brace in a call");
    is_incomplete("if (1 <\n", "open parenthesis");
    is_incomplete("echo a \\\n", "continuation at the end");
    is_incomplete("echo a \\", "continuation without a line end");
    is_incomplete("/* comment\n", "open comment");
    enum sli_status st0;
    char *m0 = error_of("echo \"abc", &st0);
    ok(st0 == SLI_ERROR, "a string open at the very end is an error (strings are one line)");
    free(m0);
    is_incomplete("int x =", "declaration missing its value");
    is_complete("if (1)\nend\n", "closed if");
    is_complete("echo {1 +\n 2}\n", "a brace may span lines");
    enum sli_status st;
    char *msg = error_of("echo \"abc\ndef\"\n", &st);
    ok(st == SLI_ERROR, "a string cannot span lines");
    free(msg);
}

static void
test_limits(void)
{
    struct strbuf src = STRBUF_INIT;
    for (int i = 0; i < 40; i++)
        sb_puts(&src, "if (1)\n");
    sb_puts(&src, "echo deep\n");
    for (int i = 0; i < 40; i++)
        sb_puts(&src, "end\n");
    is_complete(sb_str(&src), "40 nested blocks");
    sb_reset(&src);
    for (int i = 0; i < 60; i++)
        sb_puts(&src, "if (1)\n");
    enum sli_status st;
    char *msg = error_of(sb_str(&src), &st);
    is_str(msg, "t.g:49: nested too deeply (more than 48 levels of blocks, braces and parentheses)",
           "60 nested blocks: a clear error");
    free(msg);
    sb_reset(&src);
    sb_puts(&src, "int a\necho {a");
    for (int i = 0; i < 110; i++)
        sb_puts(&src, " + a");
    sb_puts(&src, "}\n");
    is_complete(sb_str(&src), "110 operators in a row");
    sb_reset(&src);
    sb_puts(&src, "int a\necho {a");
    for (int i = 0; i < 5000; i++)
        sb_puts(&src, "+a");
    sb_puts(&src, "}\n");
    msg = error_of(sb_str(&src), &st);
    ok(st == SLI_ERROR && msg && strstr(msg, "expression too long") != NULL,
       "5000 operators: a clear error");
    free(msg);
    sb_reset(&src);
    sb_puts(&src, "echo");
    for (int i = 0; i < 300; i++)
        sb_printf(&src, " a%d{%d}", i, i);
    sb_putc(&src, '\n');
    is_complete(sb_str(&src), "300 arguments");
    sb_reset(&src);
    sb_puts(&src, "echo ");
    for (int i = 0; i < 300; i++)
        sb_printf(&src, "x{%d}", i);
    sb_putc(&src, '\n');
    is_complete(sb_str(&src), "one word of 600 pieces");
    sb_reset(&src);
    sb_puts(&src, "echo ");
    for (int i = 0; i < 40; i++)
        sb_puts(&src, "{strcat ");
    sb_puts(&src, "x");
    for (int i = 0; i < 40; i++)
        sb_puts(&src, "}");
    sb_putc(&src, '\n');
    msg = error_of(sb_str(&src), &st);
    ok(st == SLI_ERROR && msg && strstr(msg, "nests too deeply for Lua") != NULL,
       "40 nested calls: too deep for Lua, said clearly");
    free(msg);
    sb_reset(&src);
    sb_puts(&src, "function f\n");
    for (int i = 0; i < 40; i++)
        sb_puts(&src, "foreach v (a)\n");
    msg = error_of(sb_str(&src), &st);
    ok(st == SLI_ERROR && msg && strstr(msg, "too many local variables and nested loops") != NULL,
       "40 nested foreach loops in a function: a clear error");
    free(msg);
    sb_free(&src);
}

/* Runs LUA with a stand-in S whose run() records its arguments joined by
 * '|'; returns the record (caller frees). */
static char *
run_recording(const char *lua)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    const char *setup =
        "rec = {} "
        "gensh = {R = {}, S = setmetatable({run = function(...) rec[#rec + 1] = "
        "table.concat({...}, "
        "'|') end, str = tostring}, {__index = function() return function(...) return ... end "
        "end})}";
    char *res = NULL;
    if (luaL_dostring(L, setup) == LUA_OK && luaL_loadbuffer(L, lua, strlen(lua), "=t") == LUA_OK
        && lua_pcall(L, 0, 0, 0) == LUA_OK
        && luaL_dostring(L, "return table.concat(rec, '\\n')") == LUA_OK)
        res = strdup(lua_tostring(L, -1));
    else
        diag("lua: %s", lua_tostring(L, -1));
    lua_close(L);
    return res;
}

static void
test_bytes(void)
{
    /* Every byte but the line ends and '"' in a string and a word. */
    struct strbuf src = STRBUF_INIT, want = STRBUF_INIT;
    sb_puts(&src, "echo \"");
    for (int c = 1; c < 256; c++)
        if (c != '\n' && c != '\r' && c != '"')
            sb_putc(&src, (char)c);
    sb_puts(&src, "\"\n");
    sb_puts(&want, "echo|");
    sb_append(&want, sb_str(&src) + 6, src.len - 8);
    char *lua = lua_of(sb_str(&src), NULL);
    char *got = lua ? run_recording(lua) : NULL;
    ok(got && strcmp(got, sb_str(&want)) == 0, "a string keeps every byte");
    free(lua);
    free(got);
    lua = lua_of("echo a\001b\177c\377d\n", NULL);
    got = lua ? run_recording(lua) : NULL;
    is_str(got, "echo|a\001b\177c\377d", "a word keeps odd bytes");
    free(lua);
    free(got);
    struct strbuf out = STRBUF_INIT;
    enum sli_status st = compile_n("echo a\0b\n", 9, false, &out, NULL);
    ok(st == SLI_OK && loads(sb_str(&out)), "a NUL byte is just a byte");
    sb_free(&out);
    sb_free(&src);
    sb_free(&want);
}

/* ---- the runtime, with a stand-in gensh ---- */

static lua_State *
runtime_state(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    const char *setup =
        "errors = {} "
        "gensh = {C = {}, F = {}, S = {}, R = {}, types = {}, STOP = {}, strict = false, "
        "  report = function(m) errors[#errors + 1] = m return false end, "
        "  suggest = function() return nil end, fallback = function() return nil end} "
        "gensh.C.echo = function(...) out = table.concat({...}, ' ') end "
        "gensh.C.fails = function() error('t.g:1: fails: no', 0) end "
        "gensh.C.pair = function() return 'a', 'b' end";
    if (luaL_dostring(L, setup) != LUA_OK
        || luaL_loadbuffer(L, sli_runtime_lua, sli_runtime_lua_len, "=[sli runtime]") != LUA_OK
        || lua_pcall(L, 0, 0, 0) != LUA_OK) {
        diag("runtime: %s", lua_tostring(L, -1));
        lua_close(L);
        return NULL;
    }
    return L;
}

/* Evaluates the Lua expression EXPR in L and returns it as text. */
static char *
eval(lua_State *L, const char *expr)
{
    char *code = xasprintf("local S, R = gensh.S, gensh.R; return tostring(%s)", expr);
    char *res = NULL;
    if (luaL_dostring(L, code) == LUA_OK)
        res = strdup(lua_tostring(L, -1));
    else
        res = xasprintf("ERROR %s", lua_tostring(L, -1));
    lua_settop(L, 0);
    free(code);
    return res;
}

static void
is_eval(lua_State *L, const char *expr, const char *want)
{
    char *got = eval(L, expr);
    is_str(got, want, expr);
    free(got);
}

static void
test_runtime(void)
{
    lua_State *L = runtime_state();
    ok(L != NULL, "runtime.lua loads");
    if (!L)
        return;
    is_eval(L, "S.str(1/3)", "0.3333333333");
    is_eval(L, "S.str(2.0)", "2");
    is_eval(L, "S.str(1e20)", "1e+20");
    is_eval(L, "S.str(42)", "42");
    is_eval(L, "S.str(nil)", "");
    is_eval(L, "S.str({'x', 'y'})", "x");
    is_eval(L, "S.toint('  -7x')", "-7");
    is_eval(L, "S.toint('3.9')", "3");
    is_eval(L, "S.toint(-3.9)", "-3");
    is_eval(L, "S.toint('+5')", "5");
    is_eval(L, "math.type(S.tof('1e3x'))", "float");
    is_eval(L, "S.tof('1e3x')", "1000.0");
    is_eval(L, "S.tof(' .5')", "0.5");
    is_eval(L, "S.tof('0x10')", "16.0");
    is_eval(L, "S.tof('-inf')", "-inf");
    is_eval(L, "S.tof('5.')", "5.0");
    is_eval(L, "S.tof('1e')", "1.0");
    is_eval(L, "S.num('3')", "3.0");
    is_eval(L, "S.num(3)", "3");
    is_eval(L, "S.div(-7, 2)", "-3");
    is_eval(L, "S.div(7, -2)", "-3");
    is_eval(L, "S.div(-8, 2)", "-4");
    is_eval(L, "S.div(7, 2.0)", "3.5");
    is_eval(L, "S.mod(-7, 3)", "-1");
    is_eval(L, "S.mod(7, -3)", "1");
    is_eval(L, "S.mod(7.5, 2)", "1.5");
    is_eval(L, "S.truth(0.5)", "false");
    is_eval(L, "S.truth(-1.5)", "true");
    is_eval(L, "S.truth('2')", "true");
    is_eval(L, "S.lt('10', '9')", "true");
    is_eval(L, "S.eq('3.7', 3)", "true");
    is_eval(L, "S.eq('3.7', 3.7)", "true");
    is_eval(L, "S.gt('b', 'abc')", "true");
    is_eval(L, "S.scmp('a\\200', 'a\\100')", "1");
    is_eval(L, "#errors", "0");
    is_eval(L, "S.toint('abc')", "0");
    is_eval(L, "errors[1]", "expected a number, got 'abc'; using 0");
    is_eval(L, "S.div(1, 0)", "0");
    is_eval(L, "errors[2]", "division by zero; using 0");
    is_eval(L, "(function() S.gdecl('g', 'int') g = 5 S.gdecl('g', 'float') return g end)()",
            "5.0");
    is_eval(L, "(function() S.setg('g', '2.5') return g end)()", "2.5");
    is_eval(L,
            "(function() S.gdecl('type', 'str') S.setg('type', 7) return type(gensh.V.type) end)()",
            "string");
    is_eval(L, "S.getg('type')", "7");
    is_eval(L, "S.getg('nope')", "0");
    is_eval(L, "errors[3]", "undeclared variable 'nope'");
    is_eval(L, "S.ref('g')", "2.5");
    is_eval(L, "(function() S.run('echo', 'a', 'b') return out end)()", "a b");
    is_eval(L, "S.run('fails')", "nil");
    is_eval(L, "errors[4]", "t.g:1: fails: no");
    is_eval(L, "S.run('nosuch')", "nil");
    is_eval(L, "errors[5]", "unknown command 'nosuch'");
    is_eval(L, "S.run('pair')[2]", "b");
    is_eval(
        L,
        "(function() S.runt('echo', {'x', S.sp(S.run('arglist', 'p q')), 'y'}) return out end)()",
        "x p q y");
    is_eval(L,
            "(function() S.defun('twice', function(...) local a = S.params(1, ...) return "
            "S.num(a) * 2 end) return S.run('twice', '4') end)()",
            "8.0");
    is_eval(L, "S.argv(0, 'fn', 'a')", "fn");
    is_eval(L, "S.argv(2, 'fn', 'a')", "");
    is_eval(L, "select('#', S.params(3, 'a'))", "3");
    is_eval(L,
            "(function() local n = 0 for _, v in S.each({'a', {n = 2, 'b', 'c'}, 3}) do n = n + "
            "1 end return n end)()",
            "4");
    is_eval(L,
            "(function() local ok = S.floatformat('%.3g') local s = S.str(1/3) "
            "S.floatformat('%0.10g') return tostring(ok) .. s end)()",
            "true0.333");
    is_eval(L, "S.floatformat('%d')", "false");
    is_eval(L, "table.concat(R.nodes('0,0,all,0-0,0.0,all.all'), ',')", "0");
    is_eval(L, "#R.nodes('others')", "0");
    is_eval(L, "select(2, R.nodes('3'))", "node 3 does not exist (1 node: 0)");
    is_eval(L, "select(2, R.nodes('0.1'))", "zone 1 does not exist (1 zone: 0)");
    is_eval(L, "select(2, R.nodes('x'))",
            "bad node 'x' in node list 'x': expected a number, 'all' or 'others'");
    is_eval(L, "(function() R.call('0', 'echo', {'r'}) return out end)()", "r");
    lua_close(L);
}

static void
test_tutorial_style(void)
{
    /* Constructs the tutorial networks (RSnet.g, par-RSnet.g) use. */
    const char *src = "int NX = 25  // number of cells = NX*NY\n"
                      "int NY = NX\n"
                      "float SEP_X = 0.001 // 1 mm\n"
                      "float prop_delay = SEP_X/0.5\n"
                      "int middlecell = {round {(NY-1)/2}}*NX + {round {(NX -1)/2}}\n"
                      "int Redge_cell = {{round {(NY-1)/2}}*NX} + NX -1 // middle right edge\n"
                      "str workers = \"0\"\n"
                      "int i\n"
                      "for (i = 1; i < 4; i = i + 1)\n"
                      "        workers = workers @ \",\" @ {i} // add a comma\n"
                      "end\n"
                      "function set_inj_timing(delay, width, interval)\n"
                      "    float delay, width, interval\n"
                      "    setfield /injectpulse width1 {width} delay1 {delay}  \\\n"
                      "        baselevel 0.0 trig_mode 0 delay2 {interval - delay} width2 0\n"
                      "end\n"
                      "planarconnect /network/cell[]/soma/spike /network/cell[]/{synpath} \\\n"
                      "    -relative \\\t    // Destination coordinates are relative\n"
                      "    -sourcemask box -1 -1  1  1 \\   // Larger than source area\n"
                      "    -desthole box {-SEP_X*0.5} {-SEP_Y*0.5} {SEP_X*0.5} {SEP_Y*0.5} \\\n"
                      "    -probability 1.1\t// set probability > 1\n"
                      "echo@{control_node} \"Network of \"{NX}\" by \"{NY}\" cells\"\n"
                      "step@all {tmax} -time\n"
                      "i_am_worker_node =  {mynode} <  n_slices\n"
                      "raddmsg /network/cell[{cell_index {middle_cell}}]/soma \\\n"
                      "    /data/voltage@{graphics_node} PLOT Vm *\"center \"{middle_cell} *black\n"
                      "create xbutton {graph}_scalebutton  \\\n"
                      "    [{getfield {graph} xgeom},{getfield {graph} ygeom},50,25] \\\n"
                      "       -title scale -script \"showgraphscale \"{form}\n"
                      "make_cylind_compartment         /* makes \"compartment\" */\n"
                      "EREST_ACT = -0.07\t// resting membrane potential (volts)\n"
                      "if (!{exists {chanpath}})\n"
                      "    create tabchannel {chanpath}\n"
                      "end\n"
                      "quit@all\n";
    char *err = NULL;
    char *lua = lua_of(src, &err);
    ok(lua != NULL, "tutorial-style script compiles");
    if (err)
        diag("%s", err);
    ok(lua && loads(lua), "and loads");
    ok(lua && count_lines(lua) == count_lines(src), "with its lines");
    free(lua);
    free(err);
}

int
main(void)
{
    test_prologue_and_empty();
    test_commands();
    test_parallel_forms();
    test_declarations();
    test_expressions();
    test_control();
    test_functions();
    test_lines();
    test_errors_show_text();
    test_incomplete();
    test_limits();
    test_bytes();
    test_runtime();
    test_tutorial_style();
    tap_done();
    return tap_failed ? 1 : 0;
}
