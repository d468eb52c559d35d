import Foundation

/// One way of answering a query that the bench times, with its samples by query text.
@MainActor final class Probe {
    let title: String
    let run: (String) throws -> Void
    private(set) var times: [String: [Double]] = [:]

    init(_ title: String, run: @escaping (String) throws -> Void) {
        self.title = title
        self.run = run
    }

    /// Runs `text` once and records the time it took, in milliseconds.
    func time(_ text: String) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        try run(text)
        times[text, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }

    /// The samples of all of `texts`.
    func samples(_ texts: [String]) -> [Double] { texts.flatMap { times[$0] ?? [] } }
}
