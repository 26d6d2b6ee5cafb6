#pragma once
/// The ui's side of core's run-folder API (tiss/training/run_folder.h) and command-line
/// builder (tiss/engine/command_line.h): the same names and rules, as Qt strings. No ui file
/// spells a run folder's file names or assembles a tissnet command line itself.
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

#include "tiss/training/run_folder.h"

namespace tiss::ui {

inline QString qstr(const std::string& s) { return QString::fromStdString(s); }

inline QStringList qstrings(const std::vector<std::string>& list) {
  QStringList out;
  for (const auto& s : list) out << qstr(s);
  return out;
}

/// A file of run folder `dir`, e.g. runFile(dir, &RunFolder::configFile).
inline QString runFile(const QString& dir, std::string (RunFolder::*file)() const) {
  return qstr((RunFolder{dir.toStdString()}.*file)());
}

inline RunPresence runPresenceOf(const QString& dir) { return runPresence(dir.toStdString()); }

/// The tissnet program the workbench starts: $TISSNET when set, else the one next to this program.
QString defaultTissnet();

}  // namespace tiss::ui
