package com.bulletiningest.split;

import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.extract.UnreadableBulletinException;

/** PDF bytes to bulletin: extraction and split in one call. */
public class BulletinReader {

    private final PdfExtractor extractor = new PdfExtractor();
    private final BulletinSplitter splitter;

    public BulletinReader(Categories categories) {
        this.splitter = new BulletinSplitter(() -> categories);
    }

    public Bulletin read(byte[] pdf) throws UnreadableBulletinException {
        return splitter.split(extractor.extract(pdf));
    }
}
