#pragma once

#include <stdexcept>
#include <string>

namespace chainatlas {

/// Base of every exception the library throws on purpose: a problem the user can fix (bad
/// data, an unreadable file, an unknown id). `main` prints `what()` and exits 1.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// A command asked for something that does not exist in the dataset (an unknown id given on
/// the command line). Exits like a usage error would not: the command line was well-formed.
class NotFoundError : public Error {
public:
    explicit NotFoundError(const std::string& message) : Error(message) {}
};

}  // namespace chainatlas
