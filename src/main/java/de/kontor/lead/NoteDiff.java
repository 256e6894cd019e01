package de.kontor.lead;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import de.kontor.lead.LeadModel.DiffKind;
import de.kontor.lead.LeadModel.DiffPart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A readable difference between two texts, word by word. */
final class NoteDiff {

    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private NoteDiff() {}

    static List<DiffPart> between(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        List<DiffPart> parts = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) {
                parts.add(new DiffPart(DiffKind.SAME, String.join("", a.subList(position, start))));
            }
            if (!delta.getSource().getLines().isEmpty()) {
                parts.add(new DiffPart(
                        DiffKind.REMOVED, String.join("", delta.getSource().getLines())));
            }
            if (!delta.getTarget().getLines().isEmpty()) {
                parts.add(new DiffPart(
                        DiffKind.ADDED, String.join("", delta.getTarget().getLines())));
            }
            position = start + delta.getSource().size();
        }
        if (position < a.size()) {
            parts.add(new DiffPart(DiffKind.SAME, String.join("", a.subList(position, a.size()))));
        }
        return parts;
    }

    /** Words with the whitespace after them, so joining the parts gives the text back. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
