#include "tiss/util/version.h"

namespace tiss {

// TISS_VERSION comes from the top-level project(VERSION) (core/src/util/CMakeLists.txt).
const char* version() { return TISS_VERSION; }

}  // namespace tiss
