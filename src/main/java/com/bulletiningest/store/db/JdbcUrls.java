package com.bulletiningest.store.db;

import java.util.regex.Pattern;

/** JDBC URLs as they may be logged: passwords in them replaced by {@code ***}. */
public final class JdbcUrls {

    /** {@code password=…}, {@code sslpassword=…} and the like, as URL parameters. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?]*password=)[^&;]*");
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");

    private JdbcUrls() {
    }

    public static String masked(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
