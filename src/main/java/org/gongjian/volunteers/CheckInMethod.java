package org.gongjian.volunteers;

/** How a sign-in was made: the captain's rotating QR code, GPS inside the geofence, or a captain's manual entry. */
public enum CheckInMethod { QR, GPS, MANUAL }
