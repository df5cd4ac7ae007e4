// -strict: an error inside an included Lua file stops the including script too
echo before
include inc_error.lua
echo after
