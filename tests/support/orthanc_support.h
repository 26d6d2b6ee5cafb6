#pragma once
// A real PACS for the tests: Orthanc (Debian package orthanc) started on free loopback ports
// with its own configuration and storage in a folder of the test's, stopped at the end.
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tiss/dicom/dicom_network.h"

namespace tiss::test {

// A port no one listens on now (the kernel's choice).
inline int freePort() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);
  return ntohs(a.sin_port);
}

class Orthanc {
 public:
  DicomNode node;
  // Starts it; "" when it answers C-ECHO (over TLS when node.tls is set first), else why not.
  // `extra`: more configuration members, e.g. "\"DicomTlsEnabled\": true, ...".
  QString start(const QString& dir, const std::string& extra = "") {
    const QString exe = QStandardPaths::findExecutable("Orthanc", {"/usr/sbin", "/usr/bin"});
    if (exe.isEmpty()) return "Orthanc is not installed (Debian package orthanc)";
    node.port = freePort();
    node.calledAe = "ORTHANC";
    node.timeoutSeconds = 20;
    const std::string config = dir.toStdString() + "/orthanc.json";
    std::ofstream(config) << "{\"Name\": \"tiss-test\", \"StorageDirectory\": \"" << dir.toStdString() << "/db\", \"IndexDirectory\": \""
                          << dir.toStdString() << "/db\", \"HttpPort\": " << freePort() << ", \"DicomPort\": " << node.port
                          << ", \"DicomAet\": \"ORTHANC\", \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false,"
                          << " \"DicomCheckModalityHost\": false, \"DicomModalities\": {\"tissnet\": [\"TISSNET\", \"127.0.0.1\", 4]},"
                          << " \"Plugins\": [], \"StorageCompression\": false" << (extra.empty() ? "" : ", " + extra) << "}\n";
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start(exe, {QString::fromStdString(config)});
    if (!process_.waitForStarted(10000)) return "Orthanc did not start: " + process_.errorString();
    for (int i = 0; i < 120; ++i) {
      if (process_.state() != QProcess::Running) return "Orthanc ended at once: " + QString::fromUtf8(process_.readAll()).right(800);
      if (echoDicomNode(node)) return "";
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return "Orthanc did not answer C-ECHO within 30 s";
  }
  ~Orthanc() {
    if (process_.state() == QProcess::Running) {
      process_.terminate();
      if (!process_.waitForFinished(10000)) process_.kill();
    }
  }

 private:
  QProcess process_;
};

}  // namespace tiss::test
