/// The value of a one-line text field and where its cursor is, as a grapheme (Character) index.
/// Inserted text is sanitized: control characters and escape sequences never enter the value.
public struct TextInputState: Sendable, Hashable {
    /// The value as grapheme clusters; `cursor` indexes into this.
    public private(set) var characters: [Character]
    /// Cursor position: 0 is before the first character, `characterCount` after the last.
    public private(set) var cursor: Int
    /// Most characters the value may hold; insertions are cut to fit. Nil for no limit.
    public var maxLength: Int?
    /// The whole value is selected (a prefilled suggestion on entering the field): the next typed
    /// character replaces it, as in a spreadsheet cell; a movement key keeps it and edits it instead.
    public private(set) var isAllSelected = false

    public init(text: String = "", maxLength: Int? = nil) {
        self.maxLength = maxLength
        var chars = Array(TerminalText.sanitize(text))
        if let maxLength, chars.count > maxLength { chars = Array(chars.prefix(max(0, maxLength))) }
        characters = chars
        cursor = chars.count
    }

    /// The value. Setting it sanitizes the text and puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set { self = TextInputState(text: newValue, maxLength: maxLength) }
    }

    public var characterCount: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }

    /// The text before the cursor (its display width is the cursor's column).
    public var textBeforeCursor: String { String(characters[..<cursor]) }

    // MARK: Editing

    /// Selects the whole value (nothing to select when empty).
    public mutating func selectAll() { isAllSelected = !characters.isEmpty }

    /// Keeps the value and ends the selection.
    public mutating func deselect() { isAllSelected = false }

    /// Typing over a selection replaces it; deleting a selection empties the field.
    private mutating func replaceSelection() {
        guard isAllSelected else { return }
        clear()
    }

    /// Inserts typed or pasted text at the cursor; newlines and tabs become spaces, controls are dropped.
    public mutating func insert(_ string: String) {
        replaceSelection()
        var clean = TerminalText.sanitize(string)
        if let maxLength {
            let room = max(0, maxLength - characters.count)
            if clean.count > room { clean = String(clean.prefix(room)) }
        }
        guard !clean.isEmpty else { return }
        // Rebuild from text: an inserted combining mark merges with the character before it.
        let before = String(characters[..<cursor]) + clean
        let after = String(characters[cursor...])
        let merged = Array(before + after)
        characters = merged
        cursor = max(0, merged.count - after.count)
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes the word before the cursor (and the spaces between it and the cursor), like Ctrl-W.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the cursor to the end.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Empties the field.
    public mutating func clear() {
        characters.removeAll()
        cursor = 0
        isAllSelected = false
    }

    // MARK: Moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }
    /// Puts the cursor at `index`, clamped to the text.
    public mutating func moveCursor(to index: Int) { cursor = min(max(0, index), characters.count) }

    /// To the start of this or the previous word.
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }

    /// To the end of this or the next word.
    public mutating func moveWordRight() {
        var i = cursor
        while i < characters.count, WordClass(characters[i]) == .separator { i += 1 }
        guard i < characters.count else { cursor = i; return }
        let kind = WordClass(characters[i])
        while i < characters.count, WordClass(characters[i]) == kind { i += 1 }
        cursor = i
    }

    /// Applies an editing key. Returns true when the key belongs to the field (even if nothing changed,
    /// e.g. ← at the start); false for keys the application should handle (Enter, Esc, Tab, ↑, ↓, F-keys …).
    public mutating func handle(_ key: Key) -> Bool {
        let selected = isAllSelected
        if selected, [.backspace, .ctrl("h"), .delete, .ctrl("w"), .ctrl("k")].contains(key) {
            clear()
            return true
        }
        switch key {
        case .character(let c): insert(String(c))
        case .backspace, .ctrl("h"): backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrlLeft, .alt("b"): moveWordLeft()
        case .ctrlRight, .alt("f"): moveWordRight()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): clear()
        case .ctrl("k"): deleteToEnd()
        default: return false
        }
        // Any editing or movement key ends the selection, keeping the value.
        if selected { isAllSelected = false }
        return true
    }

    /// Start of the word ending at or before `index`, skipping separators first.
    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, WordClass(characters[i - 1]) == .separator { i -= 1 }
        guard i > 0 else { return 0 }
        let kind = WordClass(characters[i - 1])
        while i > 0, WordClass(characters[i - 1]) == kind { i -= 1 }
        return i
    }
}

/// What a character counts as when moving by words. A run of Han/kana/hangul is one word, and so is
/// a run of letters and digits; a change between the two is a word boundary ("粤B12345" is "粤" and
/// "B12345"), and spaces and punctuation (ASCII or full-width "，。") separate words.
private enum WordClass: Equatable {
    case separator, word, ideographic

    init(_ ch: Character) {
        if ch.isWhitespace || ch.isPunctuation || ch.isSymbol {
            self = .separator
        } else if let s = ch.unicodeScalars.first, Self.isIdeographic(s) {
            self = .ideographic
        } else {
            self = .word
        }
    }

    private static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isIdeographic { return true }
        switch s.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: return true
        default: return false
        }
    }
}
