import Foundation
@_spi(JSONReader) import HFJSON

/// The one JSON tokenizer on any bytes: no crash; parsing and skipping accept the same documents;
/// what parses writes back to text that parses to the same value.
func fuzz(_ input: UnsafeRawBufferPointer) {
    let parsed = try? JSONParser.parse(input)
    var skipper = JSONReader(input)
    let skipped = (try? skipper.skipValue()) != nil && (try? skipper.finish()) != nil
    require(skipped == (parsed != nil), "parse \(parsed == nil ? "failed" : "succeeded") but skipValue \(skipped ? "succeeded" : "failed")")
    guard let parsed else { return }
    // Parsed numbers are finite, so writing cannot fail.
    let written: Data
    do { written = try JSONWriter.write(parsed) } catch { fatalError("a parsed value could not be written: \(error)") }
    let reparsed = try? JSONParser.parse(written)
    require(reparsed == parsed, "written as \(String(decoding: written, as: UTF8.self)), read back as \(String(describing: reparsed))")
}
