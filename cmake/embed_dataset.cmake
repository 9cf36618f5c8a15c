# Writes OUT, a C++ source holding the bytes of IN as builtin_dataset_json().
# The bytes are written as a hex array, so no character in the data can end a string literal.
file(READ "${IN}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],0x[0-9a-f][0-9a-f],)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}.tmp"
"// Generated from ${IN} by cmake/embed_dataset.cmake. Do not edit.\n"
"#include \"chainatlas/io/load_dataset.hpp\"\n\n"
"namespace chainatlas::io {\n\n"
"namespace {\n"
"const unsigned char kBuiltinDataset[] = {\n${bytes}0x00};\n"
"}  // namespace\n\n"
"std::string_view builtin_dataset_json() {\n"
"    return {reinterpret_cast<const char*>(kBuiltinDataset), ${byte_count}};\n}\n\n"
"}  // namespace chainatlas::io\n")
file(RENAME "${OUT}.tmp" "${OUT}")
