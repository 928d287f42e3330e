import Foundation
import TrilliumModel

/// What a file held when the editor opened it, to notice that it changed on disk since
/// (a `git pull`, another editor): its length and content hash, or `absent`.
enum FileFingerprint {
    static let absent = "absent"

    static func of(_ data: Data?) -> String {
        guard let data else { return absent }
        return "\(data.count)-\(ContentHash.hex(data))"
    }

    static func of(_ text: String) -> String { of(Data(text.utf8)) }

    static func ofFile(_ url: URL) -> String {
        of(FileManager.default.contents(atPath: url.path))
    }
}
