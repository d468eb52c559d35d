/// Builds the snippet of a hit from the original text of its fields: each field is
/// tokenised again (only as far as a snippet needs) and the query's terms located among its
/// tokens, whose offsets point into the original text.
enum SearchSnippet {
    /// One field of a hit: its name, weight and original text.
    struct Field {
        let name: String
        let weight: Double
        let text: String
    }

    typealias Occurrence = (term: Int, range: Range<Int>)

    /// The chosen field, its snippet and the fields that contain a term.
    static func make(_ query: SearchQuery, fields: [Field], style: SnippetStyle) -> (field: String, snippet: String, matched: [String]) {
        var best: (index: Int, terms: Int, occurrences: [Occurrence])?
        var matched: [String] = []
        for (index, field) in fields.enumerated() where !field.text.isEmpty {
            // Once every term has been seen, another two lengths of text are enough for the passage.
            let occurrences = query.occurrences(in: field.text, enough: 2 * style.length)
            guard !occurrences.isEmpty else { continue }
            matched.append(field.name)
            let terms = Set(occurrences.map(\.term)).count
            if let current = best {
                let better = terms > current.terms || (terms == current.terms && field.weight > fields[current.index].weight)
                if !better { continue }
            }
            best = (index, terms, occurrences)
        }
        guard let best else {
            // Cannot happen while the stored text is what was indexed; show the start of the first field.
            let field = fields.first { !$0.text.isEmpty } ?? fields[0]
            return (field.name, passage(field.text, occurrences: [], style: style), [])
        }
        let field = fields[best.index]
        return (field.name, passage(field.text, occurrences: best.occurrences, style: style), matched)
    }

    /// The passage of `text` of `style.length` characters holding the most distinct terms
    /// (longer by up to half a length to finish an occurrence cut at its end), occurrences
    /// marked, whitespace runs shown as one space.
    ///
    /// The passage is chosen on UTF-16 offsets (one per character for Chinese) and then cut
    /// on whole characters; only the text up to the passage's end is walked.
    static func passage(_ text: String, occurrences: [Occurrence], style: SnippetStyle) -> String {
        let length = style.length
        let spans = occurrences.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }

        // The start (UTF-16) of the window that holds the most distinct terms, then the most occurrences.
        var windowStart = 0
        if !spans.isEmpty {
            let lead = length / 5
            var bestScore = (-1, -1)
            for span in spans.prefix(256) {
                let start = max(0, span.range.lowerBound - lead), end = start + length
                var terms = Set<Int>(), inside = 0
                for other in spans where other.range.lowerBound >= start {
                    if other.range.upperBound > end { if other.range.lowerBound >= end { break } else { continue } }
                    terms.insert(other.term)
                    inside += 1
                }
                if (terms.count, inside) > bestScore {
                    bestScore = (terms.count, inside)
                    windowStart = start
                }
            }
        }

        // The marked stretches: occurrences merged where they overlap or touch.
        var marks: [Range<Int>] = []
        for span in spans {
            if let last = marks.last, span.range.lowerBound <= last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, span.range.upperBound)
            } else {
                marks.append(span.range)
            }
        }

        // Walk the characters up to the end of the passage.
        var output = ""
        var offset = 0, taken = 0, markIndex = 0
        var lastWasSpace = true, marking = false, cut = false
        let limit = length + length / 2
        for character in text {
            let start = offset
            offset += character.utf16.count
            if offset <= windowStart { continue }
            if taken == 0 && start > 0 { output = style.ellipsis }
            while markIndex < marks.count && marks[markIndex].upperBound <= start { markIndex += 1 }
            let inMark = markIndex < marks.count && marks[markIndex].lowerBound < offset
            // Past the length, go on only to finish a marked stretch, and never past the limit.
            if (taken >= length && !(marking && inMark)) || taken >= limit {
                cut = true
                break
            }
            if inMark && !marking {
                output += style.open
                marking = true
            }
            if character.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
            taken += 1
            if marking && offset >= marks[markIndex].upperBound {
                output += style.close
                marking = false
                markIndex += 1
            }
        }
        if marking { output += style.close }
        while output.last == " " { output.removeLast() }
        if cut { output += style.ellipsis }
        return output
    }
}
