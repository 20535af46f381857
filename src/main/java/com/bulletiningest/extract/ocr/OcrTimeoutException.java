package com.bulletiningest.extract.ocr;

/** Reading a page took longer than the page time limit. */
public class OcrTimeoutException extends Exception {

    public OcrTimeoutException() {
        super("page time limit reached");
    }
}
