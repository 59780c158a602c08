package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camelkmp.kmp.testsupport.ExternalProgram;

/** A throw-away CA and a broker certificate for 127.0.0.1 it signed, made with openssl. */
record TestCertificates(Path ca, Path serverCertificate, Path serverKey) {
  static TestCertificates make(Path dir) throws IOException, InterruptedException {
    Path openssl = ExternalProgram.require("openssl", "the MQTT TLS test", "/usr/bin/openssl");
    Files.createDirectories(dir);
    Path ca = dir.resolve("ca.pem");
    Path caKey = dir.resolve("ca.key");
    Path key = dir.resolve("server.key");
    Path csr = dir.resolve("server.csr");
    Path cert = dir.resolve("server.pem");
    Path ext = Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    run(
        dir,
        openssl,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        caKey,
        "-out",
        ca,
        "-days",
        "2",
        "-subj",
        "/CN=camel-kmp test CA");
    run(
        dir,
        openssl,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        csr,
        "-subj",
        "/CN=127.0.0.1");
    run(
        dir,
        openssl,
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        ca,
        "-CAkey",
        caKey,
        "-CAcreateserial",
        "-out",
        cert,
        "-days",
        "2",
        "-extfile",
        ext);
    return new TestCertificates(ca, cert, key);
  }

  private static void run(Path dir, Path openssl, Object... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(openssl.toString());
    for (Object a : args) {
      command.add(a.toString());
    }
    Path log = dir.resolve("openssl.log");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    assertThat(p.waitFor()).as("openssl " + command + ": " + ExternalProgram.readLog(log)).isZero();
  }
}
