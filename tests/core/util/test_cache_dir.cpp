// Per-user cache folders: under XDG_CACHE_HOME, mode 0700, never another user's folder or a
// symlink planted in their place; scratch folders are unique.
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "tiss/util/cache_dir.h"

using namespace tiss;

namespace {
mode_t modeOf(const std::string& p) {
  struct stat st {};
  ::lstat(p.c_str(), &st);
  return st.st_mode & 0777;
}
}  // namespace

class TestCacheDir : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void init() { ::setenv("XDG_CACHE_HOME", (dir_.path() + "/cache").toUtf8().constData(), 1); }

  void createdPrivateUnderXdgCacheHome() {
    auto d = userCacheDir("thumbnails");
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(QString::fromStdString(*d), dir_.path() + "/cache/tiss-workbench/thumbnails");
    QCOMPARE(modeOf(*d), mode_t(0700));
    QCOMPARE(modeOf(dir_.path().toStdString() + "/cache/tiss-workbench"), mode_t(0700));
    QVERIFY(userCacheDir("thumbnails").ok());  // again: the same folder is fine
    auto a = scratchCacheDir("bench"), b = scratchCacheDir("bench");
    QVERIFY(a.ok() && b.ok());
    QVERIFY(*a != *b);
    QCOMPARE(modeOf(*a), mode_t(0700));
  }

  void aPlantedSymlinkOrAnotherUsersFolderIsRefused() {
    const std::string top = dir_.path().toStdString() + "/cache/tiss-workbench";
    std::filesystem::create_directories(top);
    std::filesystem::create_directory_symlink(dir_.path().toStdString(), top + "/planted");
    auto d = userCacheDir("planted");
    QVERIFY(!d.ok());
    QVERIFY2(d.error().describe().find("planted") != std::string::npos, d.error().describe().c_str());
    if (::geteuid() != 0) QSKIP("chown to another user needs root: the other-user case did not run");
    std::filesystem::create_directory(top + "/theirs");
    QVERIFY(::chown((top + "/theirs").c_str(), 65534, 65534) == 0);
    d = userCacheDir("theirs");
    QVERIFY(!d.ok());
    QVERIFY2(d.error().describe().find("another user") != std::string::npos, d.error().describe().c_str());
  }
};

QTEST_GUILESS_MAIN(TestCacheDir)
#include "test_cache_dir.moc"
