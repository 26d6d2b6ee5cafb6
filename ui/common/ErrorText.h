#pragma once
/// Core reports errors as values in plain English with the file concerned; the ui shows them
/// as translated words that name the file and say what to do.
#include <QString>

#include "tiss/util/result.h"

namespace tiss::ui {

/// A title line naming the file (or the operation when no file is concerned), the reason as
/// core gave it, and what the user can do next.
QString errorText(const Error& error, const QString& whatFailed);

}  // namespace tiss::ui
