import Foundation
import ServiceDomain

/// Reads a CSV file record by record in bounded memory, whatever its size: blocks of `blockSize` bytes cut
/// at their last line feed (0x0A is never part of a multi-byte character in UTF-8 or GB18030, so each piece
/// decodes on its own), decoded to UTF-8 and fed to `CSVRecordParser`.
///
/// The encoding is decided once, from the first block holding a byte above ASCII, by the same rules as a whole-file import
/// (`CSVDecoding.decode`: a BOM, valid UTF-8, the garbled-GB18030 check, else GB18030) with the same
/// messages; a later block that is not in that encoding is refused with the forced encoding's message.
struct CSVFileStream {
    let url: URL
    let forced: ImportEncoding?
    var blockSize = 1 << 20

    /// The encoding the file was read in (known once `forEachRecord` has read the first block).
    private(set) var encoding: ImportEncoding?

    init(url: URL, encoding: ImportEncoding?) {
        self.url = url
        self.forced = encoding
    }

    /// Calls `body` with every record, in file order (the header first).
    mutating func forEachRecord(_ body: (CSVFormat.Record) throws -> Void) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw StoreError.cannotReadFile(path: url.path, detail: (error as NSError).localizedDescription)
        }
        defer { try? handle.close() }
        var parser = CSVRecordParser()
        var carry = Data()
        var first = true
        var decided = false
        var atEnd = false
        while !atEnd {
            let block: Data
            do {
                block = try handle.read(upToCount: blockSize) ?? Data()
            } catch {
                throw StoreError.cannotReadFile(path: url.path, detail: (error as NSError).localizedDescription)
            }
            atEnd = block.isEmpty
            carry.append(block)
            // The whole lines of what was read so far; the rest waits for the next block.
            let cut: Int
            if atEnd {
                cut = carry.count
            } else if let lastLF = carry.lastIndex(of: 0x0A) {
                cut = lastLF + 1 - carry.startIndex
            } else {
                continue
            }
            let piece = carry.prefix(cut)
            carry = Data(carry.dropFirst(cut))
            if piece.isEmpty && !first { continue }
            let text: String
            if first || !decided {
                // Until a byte above ASCII shows up, either encoding reads the same: decided on the first such block.
                let bom = first && piece.starts(with: CSVFormat.byteOrderMark)
                first = false
                let decoded = try CSVDecoding.decode(Data(piece), forced: forced)
                encoding = decoded.encoding
                decided = forced != nil || bom || piece.contains(where: { $0 >= 0x80 })
                text = decoded.text
            } else {
                text = try CSVDecoding.decode(Data(piece), forced: encoding).text
            }
            try parser.feed(text.utf8) { try body($0) }
        }
        try parser.finish { try body($0) }
    }
}
