package com.bulletiningest.ingest;

import java.util.List;

import com.bulletiningest.enrich.KeywordExtractor;

/** The keyword extractor with its time counted as {@link StepTimes.Step#KEYWORDS}, part of the enrich step's time. */
public final class TimedKeywordExtractor extends KeywordExtractor {

    private final StepTimes times;

    public TimedKeywordExtractor(int count, StepTimes times) {
        super(count);
        this.times = times;
    }

    @Override
    public List<String> keywords(String text) {
        return times.time(StepTimes.Step.KEYWORDS, () -> super.keywords(text));
    }
}
