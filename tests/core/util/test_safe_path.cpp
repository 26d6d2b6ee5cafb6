// The rules that keep a user's files safe: the case-id rule, paths confined to an output
// folder (lexically and through links), confined removal, single-pass {case} expansion, a
// stable hash, and temporary files that never follow a planted link.
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tiss/util/atomic_file.h"
#include "tiss/util/safe_path.h"

using namespace tiss;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class TestSafePath : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  fs::path root() const { return fs::path(dir_.path().toStdString()); }

 private Q_SLOTS:
  void caseIdRule() {
    for (const char* ok : {"BraTS20_Training_001", "sub-01_ses-1", "{case}", "Patient 7", "Müller-ß", "a.b"})
      QVERIFY2(checkCaseId(ok).ok(), ok);
    const std::string tooLong(kMaxCaseIdBytes + 1, 'a');
    for (const std::string& bad : {std::string(), std::string("."), std::string(".."), std::string("../../x"), std::string("a/b"),
                                  std::string("a\\b"), std::string("a\tb"), std::string("a\nb"), std::string("a\x7f"),
                                  std::string("a\0b", 3), std::string("bad\xff"), std::string("\xc0\xaf"),  // overlong '/'
                                  std::string("\xed\xa0\x80"),                                               // a surrogate
                                  tooLong})
      QVERIFY2(!checkCaseId(bad).ok(), printableName(bad).c_str());
    QVERIFY(checkCaseId(std::string(kMaxCaseIdBytes, 'a')).ok());
    // The message shows the bytes, never raw invalid UTF-8.
    const std::string message = checkCaseId("bad\xff").error().message;
    QVERIFY2(message.find("bad\\xFF") != std::string::npos && message.find("UTF-8") != std::string::npos, message.c_str());
    QCOMPARE(printableName("ok \xc3\xa9\x01"), std::string("ok \xc3\xa9\\x01"));
  }

  void patternExpansionIsSinglePass() {
    QCOMPARE(expandCasePattern("{case}/{case}_t1.nii.gz", "A"), std::string("A/A_t1.nii.gz"));
    // An id that is itself the token terminates and is inserted literally.
    QCOMPARE(expandCasePattern("{case}/{case}_t1.nii.gz", "{case}"), std::string("{case}/{case}_t1.nii.gz"));
    QCOMPARE(expandCasePattern("x{case}{case}", "{ca"), std::string("x{ca{ca"));
    QCOMPARE(expandCasePattern("labelsTr/{case}.nii.gz", "{case}{case}"), std::string("labelsTr/{case}{case}.nii.gz"));
    QCOMPARE(expandCasePattern("no token", "A"), std::string("no token"));
  }

  void pathsStayInside() {
    const fs::path out = root() / "out";
    fs::create_directories(out / "sub");
    QCOMPARE(*pathInside(out.string(), "sub/A/A_seg.nii.gz"), (out / "sub/A/A_seg.nii.gz").string());
    QVERIFY(pathInside(out.string(), "a/../b").ok());  // stays inside
    for (const char* bad : {"", ".", "..", "../x", "a/../../x", "/etc/passwd", "sub/../../x"})
      QVERIFY2(!pathInside(out.string(), bad).ok(), bad);
    // A link below the folder could lead anywhere: refused, whatever it points at.
    fs::create_directories(root() / "elsewhere");
    fs::create_directory_symlink(root() / "elsewhere", out / "link");
    auto viaLink = pathInside(out.string(), "link/A.nii.gz");
    QVERIFY(!viaLink.ok());
    QVERIFY2(viaLink.error().message.find("symbolic link") != std::string::npos, viaLink.error().message.c_str());
    fs::create_symlink(root() / "elsewhere" / "file", out / "filelink");
    QVERIFY(!pathInside(out.string(), "filelink").ok());
    // The folder given may itself be a link (a user's own choice).
    fs::create_directory_symlink(out, root() / "outlink");
    QVERIFY(pathInside((root() / "outlink").string(), "sub/x").ok());
  }

  void removalIsConfined() {
    const fs::path out = root() / "results", keep = root() / "keep";
    fs::create_directories(out / "A" / "deep");
    fs::create_directories(keep);
    std::ofstream(keep / "precious") << "user data";
    fs::create_directory_symlink(keep, out / "A" / "deep" / "link");
    QVERIFY(removeInside(out.string(), "A").ok());
    QVERIFY(!fs::exists(out / "A"));
    QCOMPARE(readAll(keep / "precious"), std::string("user data"));  // the link went, not its target
    QVERIFY(!removeInside(out.string(), "..").ok());
    QVERIFY(!removeInside(out.string(), "../keep").ok());
    QVERIFY(fs::exists(keep / "precious"));
    fs::create_directory_symlink(keep, out / "B");
    QVERIFY(!removeInside(out.string(), "B/precious").ok());
    QVERIFY(fs::exists(keep / "precious"));
    QVERIFY(removeInside(out.string(), "missing").ok());
  }

  void stableHashIsFnv1a() {
    // FNV-1a 64 reference values: the empty string and "a".
    QCOMPARE(stableHash(""), uint64_t(0xcbf29ce484222325ull));
    QCOMPARE(stableHash("a"), uint64_t(0xaf63dc4c8601ec8cull));
    QVERIFY(stableHash("BraTS20_Training_001") != stableHash("BraTS20_Training_002"));
  }

  void temporaryFilesAreExclusiveAndUnpredictable() {
    const fs::path folder = root() / "tmpfiles";
    fs::create_directories(folder);
    int fd = -1;
    auto a = createTemporaryFile((folder / "x.nii.gz").string(), &fd);
    QVERIFY(a.ok() && fd >= 0);
    ::close(fd);
    auto b = createTemporaryFile((folder / "x.nii.gz").string());
    QVERIFY(b.ok());
    QVERIFY(*a != *b);
    QVERIFY(fs::path(*a).filename().string().rfind(".partial-", 0) == 0);
    QVERIFY(fs::path(*a).filename().string().size() > std::string(".partial--x.nii.gz").size() + 16);
    // A link planted at the final name is replaced by the new file, its target untouched.
    std::ofstream(root() / "victim") << "keep me";
    fs::create_symlink(root() / "victim", folder / "out.json");
    QVERIFY(writeFileAtomically((folder / "out.json").string(), "new").ok());
    QVERIFY(!fs::is_symlink(folder / "out.json"));
    QCOMPARE(readAll(folder / "out.json"), std::string("new"));
    QCOMPARE(readAll(root() / "victim"), std::string("keep me"));
    QVERIFY(copyFileAtomically((root() / "victim").string(), (folder / "copy").string()).ok());
    QCOMPARE(readAll(folder / "copy"), std::string("keep me"));
  }
};

QTEST_GUILESS_MAIN(TestSafePath)
#include "test_safe_path.moc"
