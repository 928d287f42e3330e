import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme
@testable import TrilliumPreview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy of `Tests/Fixtures/preview-site` in a fresh temporary folder, with a preview session
/// serving it on 127.0.0.1 at a port the system chooses. `close()` stops the server and removes both folders.
final class PreviewFixture: Sendable {
    static let today = Day(year: 2026, month: 12, day: 1)

    let container: URL
    let root: URL
    let session: PreviewSession
    let port: UInt16

    private init(container: URL, root: URL, session: PreviewSession, port: UInt16) {
        self.container = container
        self.root = root
        self.session = session
        self.port = port
    }

    /// Copies the fixture site and starts a session on it (polling every 100 ms so tests stay quick).
    static func start() async throws -> PreviewFixture {
        let container = FileManager.default.temporaryDirectory.appendingPathComponent("trillium-preview-test-\(UUID().uuidString)")
        let root = container.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: container, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtureFolder, to: root)
        let options = BuildOptions(siteRoot: root, today: today, workers: 2)
        let session = PreviewSession(options: options, port: 0, pollInterval: .milliseconds(100), console: .quiet)
        do {
            try await session.start()
        } catch {
            try? FileManager.default.removeItem(at: container)
            throw error
        }
        return PreviewFixture(container: container, root: root, session: session, port: await session.port)
    }

    static var fixtureFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/preview-site", isDirectory: true)
    }

    func close() async {
        await session.stop()
        try? FileManager.default.removeItem(at: container)
    }

    func source(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Saves a site file as an editor would: the whole file rewritten.
    func save(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func get(_ target: String, host: String? = nil) async throws -> PreviewHTTPResponse {
        try await PreviewHTTPClient.get(target, port: port, host: host)
    }

    func openEventStream() throws -> PreviewEventStreamReader {
        try PreviewEventStreamReader(port: port)
    }
}

/// A response read off the wire.
struct PreviewHTTPResponse: Sendable {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A tiny HTTP/1.1 client over a plain socket, so request targets reach the server exactly as
/// written (URL libraries tidy `..` and percent-encoding away, which would hide what is tested).
/// Blocking socket calls run on a dispatch thread, never on the test's cooperative threads.
enum PreviewHTTPClient {
    static func get(_ target: String, port: UInt16, host: String? = nil, timeout: TimeInterval = 10) async throws -> PreviewHTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try getBlocking(target, port: port, host: host, timeout: timeout) })
            }
        }
    }

    static func getBlocking(_ target: String, port: UInt16, host: String?, timeout: TimeInterval) throws -> PreviewHTTPResponse {
        let socket = try PreviewSocket(port: port, timeout: timeout)
        defer { socket.close() }
        try socket.send("GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var received = Data()
        var headerEnd: Range<Data.Index>?
        var expected: Int?
        while true {
            if headerEnd == nil, let end = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                expected = parseHeaders(head).1["content-length"].flatMap(Int.init)
            }
            if let headerEnd, let expected, received.count - headerEnd.upperBound >= expected { break }
            guard let chunk = try socket.receive(), !chunk.isEmpty else { break }
            received.append(chunk)
        }
        guard let headerEnd else { throw PreviewTestError("no complete response header in \(received.count) bytes") }
        let (status, headers) = parseHeaders(String(decoding: received[..<headerEnd.lowerBound], as: UTF8.self))
        var body = Data(received[headerEnd.upperBound...])
        if let expected, body.count > expected { body = body.prefix(expected) }
        return PreviewHTTPResponse(status: status, headers: headers, body: body)
    }

    static func parseHeaders(_ head: String) -> (Int, [String: String]) {
        let lines = head.components(separatedBy: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }
}

/// Reads `/__trillium/events` on a background thread and keeps everything received, with the
/// chunked transfer encoding removed, so a test can wait for a given event.
final class PreviewEventStreamReader: @unchecked Sendable {
    private let socket: PreviewSocket
    private let lock = NSLock()
    private var raw = Data()
    private var finished = false
    private var thread: Thread?

    init(port: UInt16) throws {
        socket = try PreviewSocket(port: port, timeout: 0.25)
        try socket.send("GET /__trillium/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in readUntilClosed() }
        self.thread = thread
        thread.start()
    }

    private func readUntilClosed() {
        while !lock.withLock({ finished }) {
            do {
                guard let chunk = try socket.receive() else { continue }  // timed out: check `finished` again
                if chunk.isEmpty { break }
                lock.withLock { raw.append(chunk) }
            } catch {
                break
            }
        }
        lock.withLock { finished = true }
        socket.close()
    }

    /// The event-stream text received so far.
    var text: String {
        let data = lock.withLock { raw }
        guard let headerEnd = data.range(of: Data("\r\n\r\n".utf8)) else { return "" }
        return String(decoding: Self.dechunk(data[headerEnd.upperBound...]), as: UTF8.self)
    }

    /// The response head (status line and headers).
    var head: String {
        let data = lock.withLock { raw }
        guard let headerEnd = data.range(of: Data("\r\n\r\n".utf8)) else { return "" }
        return String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self)
    }

    /// Waits until the received text (from `offset` on) satisfies `condition`; false after `timeout`.
    func waitFor(after offset: Int = 0, timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let received = text
            if condition(String(received.dropFirst(offset))) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition(String(text.dropFirst(offset)))
    }

    var isClosedByServer: Bool { lock.withLock { finished } }

    /// Hangs up; the reading thread then closes the socket (closing it here could race its `recv`).
    func close() {
        lock.withLock { finished = true }
        socket.shutdown()
    }

    /// Removes chunked framing: `size CRLF data CRLF`, repeated; an incomplete last chunk is left out.
    static func dechunk(_ data: Data.SubSequence) -> Data {
        var output = Data()
        var index = data.startIndex
        let crlf = Data("\r\n".utf8)
        while let lineEnd = data[index...].range(of: crlf) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard data.distance(from: start, to: data.endIndex) >= size + 2 else { break }
            let end = data.index(start, offsetBy: size)
            output.append(data[start..<end])
            index = data.index(end, offsetBy: 2)
        }
        return output
    }
}

/// A blocking IPv4 TCP socket to 127.0.0.1 with send and receive timeouts.
final class PreviewSocket: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var isOpen = true

    init(port: UInt16, timeout: TimeInterval) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw PreviewTestError("socket() failed: errno \(errno)") }
        var limit = timeval()
        limit.tv_sec = .init(timeout)
        limit.tv_usec = .init((timeout - timeout.rounded(.down)) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            closeDescriptor(descriptor)
            throw PreviewTestError("cannot connect to 127.0.0.1:\(port): errno \(code)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(descriptor, $0) }
            guard count > 0 else { throw PreviewTestError("send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Bytes received; empty at end of stream; nil when the receive timeout passed with nothing.
    func receive() throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return Data(buffer[0..<count]) }
        if count == 0 { return Data() }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
        throw PreviewTestError("recv failed: errno \(errno)")
    }

    /// Ends both directions; a blocked `recv` on another thread returns at once.
    func shutdown() {
        lock.withLock {
            if isOpen { shutdownDescriptor(descriptor) }
        }
    }

    func close() {
        let wasOpen = lock.withLock { () -> Bool in
            defer { isOpen = false }
            return isOpen
        }
        guard wasOpen else { return }
        shutdownDescriptor(descriptor)
        closeDescriptor(descriptor)
    }

    deinit { close() }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

private func shutdownDescriptor(_ descriptor: Int32) {
    _ = shutdown(descriptor, Int32(SHUT_RDWR))
}

private func sendBytes(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
    #if canImport(Glibc)
    send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
    #else
    send(descriptor, buffer.baseAddress, buffer.count, 0)
    #endif
}

struct PreviewTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
